/** An activity as the lists show it (app/models/activity.server.ts reads it): types only, so that components need nothing from the models. */
import type { Status } from './status';

export type OwnerRef = { id: number; name: string };

export type ActivityRow = {
  id: number;
  planId: number;
  planTitle: string;
  areaId: number;
  areaCode: string;
  areaTitle: string;
  measureId: number;
  measureCode: string;
  measureTitle: string;
  code: string;
  title: string;
  indicator: string | null;
  target: string | null;
  start: string | null;
  baselineEnd: string | null;
  end: string | null;
  ongoing: boolean;
  status: Status;
  percent: number;
  lastUpdateAt: number | null;
  lastUpdateBy: string | null;
  lastComment: string | null;
  overdue: boolean;
  dueThisQuarter: boolean;
  lateStart: boolean;
  slipDays: number | null;
  version: number;
  owners: OwnerRef[];
};

/** The next activity offered after saving an update. */
export type NextActivity = { id: number; code: string; title: string };
