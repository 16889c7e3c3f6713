import { describe, expect, it } from 'vitest';
import { attachPlan, clampUnit, labelSide, markerPercent, pointFromClick } from '../src';

describe('markerPercent', () => {
  it('places a marker by percentages of the plan', () => {
    expect(markerPercent({ x: 0.2, y: 0.5 })).toEqual({ left: '20%', top: '50%' });
    expect(markerPercent({ x: 0.12345, y: 1 })).toEqual({ left: '12.35%', top: '100%' });
  });
  it('keeps a marker with a stray position on the plan', () => {
    expect(markerPercent({ x: -0.5, y: 7 })).toEqual({ left: '0%', top: '100%' });
    expect(markerPercent({ x: Number.NaN, y: 0.25 })).toEqual({ left: '0%', top: '25%' });
  });
});

describe('labelSide', () => {
  it('puts the label to the left near the right edge', () => {
    expect(labelSide({ x: 0.2, y: 0.5 })).toBe('right');
    expect(labelSide({ x: 0.9, y: 0.5 })).toBe('left');
  });
});

describe('pointFromClick', () => {
  const rect = { left: 100, top: 50, width: 400, height: 240 };
  it('turns a click into a point in 0..1 of the plan', () => {
    expect(pointFromClick(300, 170, rect)).toEqual({ x: 0.5, y: 0.5 });
    expect(pointFromClick(100, 50, rect)).toEqual({ x: 0, y: 0 });
    expect(pointFromClick(180, 110, rect)).toEqual({ x: 0.2, y: 0.25 });
  });
  it('clamps a click on the border or outside the plan', () => {
    expect(pointFromClick(90, 300, rect)).toEqual({ x: 0, y: 1 });
    expect(pointFromClick(600, 10, rect)).toEqual({ x: 1, y: 0 });
  });
  it('rounds to four decimals and survives an empty rectangle', () => {
    expect(pointFromClick(233, 50, rect)).toEqual({ x: 0.3325, y: 0 });
    expect(pointFromClick(10, 10, { left: 0, top: 0, width: 0, height: 0 })).toEqual({ x: 0, y: 0 });
  });
  it('round-trips: a clicked point is drawn where it was clicked', () => {
    const point = pointFromClick(250, 110, rect);
    expect(markerPercent(point)).toEqual({ left: '37.5%', top: '25%' });
  });
});

describe('clampUnit', () => {
  it('clamps to 0..1', () => {
    expect([clampUnit(-1), clampUnit(0.3), clampUnit(2), clampUnit(Number.POSITIVE_INFINITY)]).toEqual([0, 0.3, 1, 0]);
  });
});

describe('attachPlan', () => {
  const parent = { plan: { url: '/plans/floor-1.png', width: 800, height: 600 } };
  it("marks the object's position on its parent's plan", () => {
    expect(attachPlan({ position: { x: 0.25, y: 0.75 } }, parent)).toEqual({
      url: '/plans/floor-1.png',
      width: 800,
      height: 600,
      marker: { x: 0.25, y: 0.75 },
    });
  });
  it('has no plan without a position or without a parent plan', () => {
    expect(attachPlan({ position: null }, parent)).toBeNull();
    expect(attachPlan({ position: { x: 0.1, y: 0.1 } }, { plan: null })).toBeNull();
    expect(attachPlan(null, parent)).toBeNull();
  });
});
