// Marker maths shared by every plan screen: stored points are 0..1 of the plan, shown as percentages.
import type { LocationObject, PlanPoint, SosPlan } from './contract';

/** A marker drawn on a plan (components/plan/PlanView.vue). */
export interface PlanMarker extends PlanPoint {
  /** Shown beside the marker and read out in the plan's alt text. */
  label: string;
  /** Set when several markers share a plan. */
  id?: string;
  /** The marker of interest pulses; others are drawn quietly. A single marker is highlighted by default. */
  highlight?: boolean;
}

/** Clamps to 0..1; anything not a finite number becomes 0. */
export function clampUnit(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(1, Math.max(0, value));
}

/** CSS `left`/`top` of a marker on a plan drawn at any size. */
export function markerPercent(point: PlanPoint): { left: string; top: string } {
  const percent = (value: number) => `${Math.round(clampUnit(value) * 10_000) / 100}%`;
  return { left: percent(point.x), top: percent(point.y) };
}

/** Which side of the marker its label goes, so labels near the right edge stay on the plan. */
export function labelSide(point: PlanPoint): 'left' | 'right' {
  return clampUnit(point.x) > 0.65 ? 'left' : 'right';
}

export interface PlanRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A click on the drawn plan → the point in 0..1 of the plan (clamped, 4 decimals). */
export function pointFromClick(clientX: number, clientY: number, rect: PlanRect): PlanPoint {
  const unit = (offset: number, size: number) => (size > 0 ? Math.round(clampUnit(offset / size) * 10_000) / 10_000 : 0);
  return { x: unit(clientX - rect.left, rect.width), y: unit(clientY - rect.top, rect.height) };
}

/** The plan a request or a QR code shows: the parent's plan with the object's position as the marker. */
export function attachPlan(
  object: Pick<LocationObject, 'position'> | null | undefined,
  parent: Pick<LocationObject, 'plan'> | null | undefined,
): SosPlan | null {
  if (!object?.position || !parent?.plan) return null;
  return { ...parent.plan, marker: { x: object.position.x, y: object.position.y } };
}
