// Balance over time from the statement rows on screen; lazy-loaded, echarts core with the line chart only.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import dayjs from 'dayjs';
import { formatMoney } from '../../../shared/money/money';
import { balanceSeries } from '../series';

echarts.use([LineChart, GridComponent, TooltipComponent, TitleComponent, CanvasRenderer]);

interface Props {
  rows: ReadonlyArray<{ createdAt: string; balanceAfter: string }>;
  title: string;
}

export default function BalanceChart({ rows, title }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current);
    chart.current = c;
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(el.current);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const points = balanceSeries(rows);
    chart.current?.setOption(
      {
        title: { text: title, left: 0, top: 0, textStyle: { fontSize: 13, fontWeight: 'normal', color: '#666' } },
        grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
        tooltip: {
          trigger: 'axis',
          // the label is the server's decimal string, not the plotted float
          formatter: (params: unknown) => {
            const p = (Array.isArray(params) ? params[0] : params) as { dataIndex: number };
            const point = points[p.dataIndex];
            return point ? `${dayjs(point.time).format('YYYY-MM-DD HH:mm:ss')}<br/>¥ ${formatMoney(point.label)}` : '';
          },
        },
        // one slot per row: readable even when many movements share a second
        xAxis: { type: 'category', boundaryGap: false, data: points.map((p) => dayjs(p.time).format('MM-DD HH:mm')) },
        yAxis: { type: 'value', scale: true },
        series: [{ type: 'line', showSymbol: points.length < 40, areaStyle: { opacity: 0.08 }, data: points.map((p) => p.value) }],
      },
      { notMerge: true },
    );
  }, [rows, title]);

  return <div ref={el} style={{ height: 220, width: '100%' }} data-testid="balance-chart" />;
}
