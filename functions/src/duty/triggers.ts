// The duty watch on a schedule (watchDuty.ts): gap warnings, shift reminders, "shift ended", 12-hour manual starts.
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { reportingCosts } from '../costs';
import { REACH_SECRETS, REGION } from '../params';
import { DUTY_WATCH } from './planDutyWatch';
import { watchDuty as watch } from './watchDuty';

export const watchDuty = onSchedule(
  { schedule: `every ${DUTY_WATCH.everyMinutes} minutes`, region: REGION, retryCount: 0, secrets: REACH_SECRETS },
  reportingCosts(async () => {
    await watch();
  }),
);
