// The console's one ECharts wrapper. ECharts is loaded on the first chart drawn (a dynamic import, its
// own chunk), with only the chart types and components used, so a page with a chart draws its other
// content without waiting for it.

import { Spin } from 'antd';
import type { BarSeriesOption, PieSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption, EChartsType } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';

/** The options a chart may use: bars and pies, with grid, tooltip and legend. */
export type ChartOption = ComposeOption<
  BarSeriesOption | PieSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>;

let echartsLoading: Promise<typeof import('echarts/core')> | undefined;

function loadEcharts(): Promise<typeof import('echarts/core')> {
  echartsLoading ??= import('./echarts.setup.ts').then((m) => m.echarts);
  return echartsLoading;
}

/**
 * For a page that draws charts once its data is here: ECharts is asked for as the page is first drawn,
 * so that it arrives with the data instead of being fetched and started after it.
 */
export function useChartLibraryEarly(): void {
  useEffect(() => {
    loadEcharts().catch(() => undefined); // a failed download shows in the chart itself
  }, []);
}

/** An ECharts chart (SVG), resized with its box; `label` describes it for screen readers. */
export function EChart({
  option,
  label,
  height = 280,
}: {
  option: ChartOption;
  label: string;
  height?: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<EChartsType>();
  useEffect(() => {
    let disposed = false;
    let cleanup: (() => void) | undefined;
    loadEcharts().then((echarts) => {
      const el = box.current;
      if (disposed || !el) return;
      const instance = echarts.init(el, undefined, { renderer: 'svg' });
      const observer = new ResizeObserver(() => instance.resize());
      observer.observe(el);
      setChart(instance);
      cleanup = () => {
        observer.disconnect();
        instance.dispose();
      };
    });
    return () => {
      disposed = true;
      cleanup?.();
    };
  }, []);
  useEffect(() => {
    chart?.setOption(option, true);
  }, [chart, option]);
  return (
    <Spin spinning={!chart} description="正在加载图表…">
      <div ref={box} role="img" aria-label={label} style={{ width: '100%', height }} />
    </Spin>
  );
}
