import type { SalaryPeriod } from '../job.js';

/** Hours, days, weeks and months in a working year, to compare pay quoted per different periods. */
const PER_YEAR: Record<SalaryPeriod, number> = {
  hour: 2080,
  day: 260,
  week: 52,
  month: 12,
  year: 1,
};

export function annualize(amount: number, period: SalaryPeriod): number {
  return amount * PER_YEAR[period];
}

export function formatMoney(amount: number, currency: string): string {
  const symbol = ({ USD: '$', EUR: '€', GBP: '£' } as Record<string, string>)[currency];
  const rounded =
    amount >= 1_000_000
      ? `${Math.round(amount / 100_000) / 10}M`
      : amount >= 10_000
        ? `${Math.round(amount / 1000)}k`
        : String(Math.round(amount));
  return symbol === undefined ? `${rounded} ${currency}` : `${symbol}${rounded}`;
}
