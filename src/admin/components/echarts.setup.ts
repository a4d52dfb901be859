// ECharts with only what the console's charts use (bar and pie, grid, tooltip, legend, SVG): loaded by
// `EChart.tsx` with a dynamic import, so it is its own chunk fetched on the first chart drawn.
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

export { echarts };
