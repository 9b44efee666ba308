import { InvalidParameterCombination, InvalidParameterValue } from './errors.js';

const MAX_DATAPOINTS = 1440;

/** Periods CloudWatch accepts: 1, 5, 10, 30 (high resolution) or a multiple of 60 seconds. */
export function checkPeriod(member: string, period: unknown): number {
  if (typeof period !== 'number' || !Number.isInteger(period) || period < 1) {
    throw new InvalidParameterValue(`The parameter ${member} must be greater than 0.`);
  }
  if (period < 60 ? ![1, 5, 10, 30].includes(period) : period % 60 !== 0) {
    throw new InvalidParameterValue(`The parameter ${member} must be 1, 5, 10, 30, or a multiple of 60.`);
  }
  return period;
}

export function checkTimeRange(start: number, end: number): void {
  if (Number.isNaN(start)) throw new InvalidParameterValue('The parameter StartTime is invalid.');
  if (Number.isNaN(end)) throw new InvalidParameterValue('The parameter EndTime is invalid.');
  if (start >= end) throw new InvalidParameterValue('The parameter StartTime must be less than the parameter EndTime.');
}

export function checkDatapointLimit(start: number, end: number, period: number): void {
  const requested = Math.ceil((end - start) / (period * 1000));
  if (requested > MAX_DATAPOINTS) {
    throw new InvalidParameterCombination(
      `You have requested up to ${requested.toLocaleString('en-US')} datapoints, which exceeds the limit of ${MAX_DATAPOINTS.toLocaleString('en-US')}. ` +
        'You may reduce the datapoints requested by increasing Period, or decreasing the time range.',
    );
  }
}

/** Where the first period of a query starts: StartTime rounded down to the minute (to the second for high-resolution periods). */
export function alignedStart(start: number, period: number): number {
  const step = period < 60 ? period * 1000 : 60_000;
  return Math.floor(start / step) * step;
}
