// A small line chart: d3 computes the scales and the paths, React draws them. The playhead is a
// vertical rule, so the chart reads against the scene and the timeline.
import { extent, line, max, scaleLinear } from "d3";

export interface Series {
  name: string;
  color: string;
  points: [number, number][];
}

interface Props {
  title: string;
  unit: string;
  series: Series[];
  playheadS: number;
  testId: string;
}

const WIDTH = 340;
const HEIGHT = 150;
const MARGIN = { top: 10, right: 12, bottom: 22, left: 44 };

export function LineChart({ title, unit, series, playheadS, testId }: Props) {
  const all = series.flatMap((s) => s.points);
  const [x0, x1] = extent(all, (p) => p[0]) as [number | undefined, number | undefined];
  const x = scaleLinear()
    .domain([x0 ?? 0, Math.max(x1 ?? 1, (x0 ?? 0) + 1)])
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const y = scaleLinear()
    .domain([0, Math.max(1, max(all, (p) => p[1]) ?? 1)])
    .nice(4)
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const path = line<[number, number]>()
    .x((p) => x(p[0]))
    .y((p) => y(p[1]));
  const playheadX = x(Math.min(Math.max(playheadS, x.domain()[0]!), x.domain()[1]!));
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>
        {title} <span className="chart-unit">({unit})</span>
      </figcaption>
      <svg
        className="chart-svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`${title} over time`}
      >
        {y.ticks(4).map((t) => (
          <g key={t}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(t)} y2={y(t)} className="chart-grid" />
            <text x={MARGIN.left - 6} y={y(t) + 4} textAnchor="end" className="chart-tick">
              {t}
            </text>
          </g>
        ))}
        {x.ticks(5).map((t) => (
          <text key={t} x={x(t)} y={HEIGHT - 6} textAnchor="middle" className="chart-tick">
            {t}s
          </text>
        ))}
        {series.map((s) => (
          <path key={s.name} d={path(s.points) ?? ""} stroke={s.color} className="chart-line" />
        ))}
        <line
          x1={playheadX}
          x2={playheadX}
          y1={MARGIN.top}
          y2={HEIGHT - MARGIN.bottom}
          className="chart-playhead"
        />
      </svg>
      <div className="chart-legend">
        {series.map((s) => (
          <span key={s.name}>
            <i style={{ background: s.color }} /> {s.name}
          </span>
        ))}
      </div>
    </figure>
  );
}
