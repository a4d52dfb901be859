/**
 * The lines of `gongkai help` for these commands (`cli.ts`), apart so that `gongkai --help` prints
 * them without loading the module (`src/cli.help.ts`).
 */
export const HELP = `  clock --received 日期 [选项] [--json]   计算依申请公开答复期限（gongkai clock --help）
  fee per-item --count N | per-page --pages N [--json]   计算信息处理费
  calendar show 年份 | calendar workdays --from 日期 --to 日期   查看工作日历
      以上三个命令使用程序自带的2021—2026年日历；加 --db 数据目录或 postgres://… 时，
      还使用该数据库中管理员录入的年份（服务器运行时请使用 DATABASE_URL 数据库或先停止服务器）。
  calendar parse-notice FILE [--json]   读取国务院办公厅放假安排通知（.txt/.docx），不保存
  calendar load-notice FILE [--url 网址] [--replace]   按通知录入该年工作日历（重新计算期限；服务运行时不可用）`;
