import { describe, expect, it } from 'vitest';
import { toDay } from './day.js';

describe('publication days from metadata', () => {
  it.each([
    ['2021-09-04', '2021-09-04'],
    ['2021-9-4', '2021-09-04'],
    ['2021/09/04', '2021-09-04'],
    ['2021-09-04 22:10:00', '2021-09-04'],
    ['2015-07-21 02:51:32', '2015-07-21'],
    ['2021-09-04T22:10:00Z', '2021-09-04'],
    [' 2021-09-04T23:30:00-05:00 ', '2021-09-04'],
    ['20210904T2210', '2021-09-04'],
    ['20210904', '2021-09-04'],
    ['Sat, 04 Sep 2021 10:00:00 +0300', '2021-09-04'],
    ['4 September 2021', '2021-09-04'],
    ['Sept 4, 2021', '2021-09-04'],
    ['1630750000', '2021-09-04'],
    ['1630750000000', '2021-09-04'],
  ])('reads %j as %s', (value, day) => {
    expect(toDay(value)).toBe(day);
  });

  it('reads epoch numbers in seconds and in milliseconds', () => {
    expect(toDay(1630750000)).toBe('2021-09-04');
    expect(toDay(1630750000000)).toBe('2021-09-04');
  });

  it.each([
    ['الأحد الماضي'],
    ['4 أيلول 2021'],
    ['04/09/2021'],
    ['2021-02-30'],
    ['2021-13-01'],
    ['1021-01-01'],
    ['20210931'],
    ['4 Smarch 2021'],
    [''],
  ])('leaves %j unread', (value) => {
    expect(toDay(value)).toBeNull();
  });

  it('leaves values that are not strings or numbers unread', () => {
    expect(toDay(null)).toBeNull();
    expect(toDay({ date: '2021-09-04' })).toBeNull();
    expect(toDay(Number.NaN)).toBeNull();
  });
});
