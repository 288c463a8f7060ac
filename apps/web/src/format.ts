import type { JobListItem } from './types.ts';

type Pay = Pick<JobListItem, 'salary' | 'freelance'>;

function money(amount: number, currency: string): string {
  return new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency,
    maximumFractionDigits: 0,
    notation: amount >= 10_000 ? 'compact' : 'standard',
  }).format(amount);
}

function range(min: number | null, max: number | null, currency: string): string {
  if (min !== null && max !== null && min !== max)
    return `${money(min, currency)}–${money(max, currency)}`;
  const one = max ?? min;
  return one === null ? '' : money(one, currency);
}

/** Salary for a job, budget or hourly range for a freelance post; '' when unsaid. */
export function payText(job: Pay): string {
  const f = job.freelance;
  if (f !== null) {
    if (f.contractType === 'hourly') {
      const r = range(f.hourlyMin, f.hourlyMax, f.currency);
      return r === '' ? 'hourly' : `${r}/hr`;
    }
    return f.budget === null ? 'fixed price' : `${money(f.budget, f.currency)} fixed`;
  }
  const s = job.salary;
  if (s === null) return '';
  return `${range(s.min, s.max, s.currency)}/${s.period}`;
}

/** "3d", "5h", "just now": how long ago a timestamp was. */
export function age(iso: string | null, now: number = Date.now()): string {
  if (iso === null) return '';
  const ms = now - Date.parse(iso);
  if (!Number.isFinite(ms)) return '';
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h`;
  const days = Math.floor(hours / 24);
  return days < 60 ? `${days}d` : `${Math.floor(days / 30)}mo`;
}

export function usd(amount: number | null): string {
  if (amount === null) return '–';
  return new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency: 'USD',
    maximumFractionDigits: amount < 1 ? 4 : 2,
  }).format(amount);
}

export function percent(rate: number | null): string {
  return rate === null ? '–' : `${Math.round(rate * 100)}%`;
}

export const stageLabel = (stage: string): string => stage.replaceAll('_', ' ');
