/**
 * A bar chart drawn by Chart.js, registered with only the parts it uses (a smaller bundle for
 * phones). The chart is decoration for sighted users: the same numbers are always in a table next to
 * it, so the canvas is labelled as an image that says where the data is.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
  type ChartDataset,
} from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const COLOURS = ['#2f6f9f', '#c0504d', '#8064a2', '#4f9a5b', '#d98c1f', '#5b5b5b'];

export interface Series {
  label: string;
  /** null: suppressed (drawn as no bar). */
  values: (number | null)[];
}

interface Props {
  labels: string[];
  series: Series[];
  description: string;
  stacked?: boolean;
  testId?: string;
}

export function BarChart({ labels, series, description, stacked = false, testId }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const datasets: ChartDataset<'bar', (number | null)[]>[] = series.map((s, index) => ({
      label: s.label,
      data: s.values,
      backgroundColor: COLOURS[index % COLOURS.length],
    }));
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: { labels, datasets },
      options: {
        indexAxis: labels.length > 6 ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: series.length > 1 } },
        scales: { x: { stacked, beginAtZero: true }, y: { stacked, beginAtZero: true } },
      },
    });
    return () => chart.destroy();
  }, [labels, series, stacked]);
  const height = Math.max(180, labels.length > 6 ? labels.length * 26 : 220);
  return (
    <div className="stat-chart" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={description} data-testid={testId} />
    </div>
  );
}
