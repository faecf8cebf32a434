import '@mantine/charts/styles.css';
import './charts.css';
import { BarChart, DonutChart, type BarChartSeries } from '@mantine/charts';
import { useDirection } from '@mantine/core';

/**
 * The charts of the overview, in one lazy chunk with recharts: the sign-in page and the first paint
 * of the overview never download them. Pictures only: each sits in a ChartCard that gives the title,
 * the text summary and the data table.
 */

interface YearBarsProps {
  data: Record<string, number | string>[];
  series: BarChartSeries[];
  stacked?: boolean;
  height: number;
  /** Full values, in the tooltip. */
  valueFormatter: (value: number) => string;
  /** Short values, on the axis. */
  tickFormatter: (value: number) => string;
  yearFormatter: (year: number) => string;
}

export function YearBars({
  data,
  series,
  stacked = false,
  height,
  valueFormatter,
  tickFormatter,
  yearFormatter,
}: YearBarsProps) {
  const { dir } = useDirection();
  const rtl = dir === 'rtl';
  return (
    <BarChart
      className="hstf-chart"
      h={height}
      dir={dir}
      data={data}
      dataKey="year"
      series={series}
      type={stacked ? 'stacked' : 'default'}
      accessibilityLayer={false}
      withLegend={series.length > 1}
      legendProps={{ verticalAlign: 'bottom', height: 56 }}
      valueFormatter={valueFormatter}
      maxBarWidth={26}
      textColor="#55606b"
      gridAxis="x"
      barProps={{ stroke: '#ffffff', strokeWidth: stacked ? 1 : 0 }}
      tooltipProps={{ labelFormatter: (label: unknown) => yearFormatter(Number(label)) }}
      xAxisProps={{ reversed: rtl, tickFormatter: (year: number) => yearFormatter(Number(year)) }}
      yAxisProps={{
        orientation: rtl ? 'right' : 'left',
        width: 72,
        tickFormatter,
        tick: {
          transform: rtl ? 'translate(10, 0)' : 'translate(-10, 0)',
          fontSize: 12,
          fill: 'currentColor',
        },
      }}
    />
  );
}

interface CategoryBarsProps {
  data: { label: string; value: number }[];
  color: string;
  seriesLabel: string;
  height: number;
  valueFormatter: (value: number) => string;
  tickFormatter: (value: number) => string;
}

/** Horizontal bars, one per category, longest first. */
export function CategoryBars({
  data,
  color,
  seriesLabel,
  height,
  valueFormatter,
  tickFormatter,
}: CategoryBarsProps) {
  const { dir } = useDirection();
  const rtl = dir === 'rtl';
  return (
    <BarChart
      className="hstf-chart"
      h={height}
      dir={dir}
      data={data}
      dataKey="label"
      orientation="vertical"
      series={[{ name: 'value', color, label: seriesLabel }]}
      accessibilityLayer={false}
      valueFormatter={valueFormatter}
      maxBarWidth={22}
      textColor="#55606b"
      gridAxis="y"
      xAxisProps={{ reversed: rtl, tickFormatter }}
      yAxisProps={{
        orientation: rtl ? 'right' : 'left',
        width: 118,
        tick: { transform: rtl ? 'translate(6, 0)' : 'translate(-6, 0)', fontSize: 12, fill: 'currentColor' },
      }}
    />
  );
}

interface ShareDonutProps {
  data: { name: string; value: number; color: string }[];
  size: number;
  valueFormatter: (value: number) => string;
  chartLabel?: string;
}

export function ShareDonut({ data, size, valueFormatter, chartLabel }: ShareDonutProps) {
  return (
    <DonutChart
      className="hstf-chart"
      data={data}
      size={size}
      thickness={Math.round(size / 6)}
      strokeWidth={2}
      strokeColor="#ffffff"
      paddingAngle={1}
      accessibilityLayer={false}
      tooltipDataSource="segment"
      pieProps={{ rootTabIndex: -1 }}
      valueFormatter={valueFormatter}
      chartLabel={chartLabel}
      labelColor="#212529"
    />
  );
}
