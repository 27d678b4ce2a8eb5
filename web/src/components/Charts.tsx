import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

const PALETTE = ['#1f5eff', '#16b47f', '#ff8a1f', '#9254de', '#f5222d'];

/** Shared chart pieces (recharts): one look for every chart in the console. */
export function TrendChart<T extends object>(props: {
  data: T[];
  x: keyof T & string;
  series: { key: keyof T & string; name: string }[];
  height?: number;
  format?: (v: number) => string;
}) {
  return (
    <ResponsiveContainer width="100%" height={props.height ?? 260}>
      <LineChart data={props.data} margin={{ top: 8, right: 16, left: 0, bottom: 0 }}>
        <CartesianGrid stroke="#f0f0f0" vertical={false} />
        <XAxis dataKey={props.x as any} tick={{ fontSize: 12 }} tickLine={false} axisLine={{ stroke: '#d9d9d9' }} />
        <YAxis allowDecimals={!!props.format} tick={{ fontSize: 12 }} tickLine={false} axisLine={false} width={64} tickFormatter={props.format as any} />
        <Tooltip formatter={props.format ? (v: any) => props.format!(Number(v)) : undefined} />
        <Legend iconType="circle" wrapperStyle={{ fontSize: 12 }} />
        {props.series.map((s, i) => (
          <Line
            key={s.key}
            type="monotone"
            dataKey={s.key as any}
            name={s.name}
            stroke={PALETTE[i % PALETTE.length]}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}

export function BarsChart<T extends object>(props: {
  data: T[];
  x: keyof T & string;
  series: { key: keyof T & string; name: string }[];
  height?: number;
  layout?: 'horizontal' | 'vertical';
  format?: (v: number) => string;
}) {
  const vertical = props.layout === 'vertical';
  return (
    <ResponsiveContainer width="100%" height={props.height ?? 260}>
      <BarChart data={props.data} layout={vertical ? 'vertical' : 'horizontal'} margin={{ top: 8, right: 16, left: 0, bottom: 0 }}>
        <CartesianGrid stroke="#f0f0f0" vertical={!!vertical} horizontal={!vertical} />
        {vertical ? (
          <>
            <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} tickFormatter={props.format as any} />
            <YAxis type="category" dataKey={props.x as any} tick={{ fontSize: 12 }} width={120} />
          </>
        ) : (
          <>
            <XAxis dataKey={props.x as any} tick={{ fontSize: 12 }} tickLine={false} />
            <YAxis tick={{ fontSize: 12 }} width={64} axisLine={false} tickLine={false} tickFormatter={props.format as any} />
          </>
        )}
        <Tooltip formatter={props.format ? (v: any) => props.format!(Number(v)) : undefined} />
        <Legend iconType="circle" wrapperStyle={{ fontSize: 12 }} />
        {props.series.map((s, i) => (
          <Bar
            key={s.key}
            dataKey={s.key as any}
            name={s.name}
            fill={PALETTE[i % PALETTE.length]}
            radius={vertical ? [0, 3, 3, 0] : [3, 3, 0, 0]}
            maxBarSize={28}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
