export {
  type DailyJob,
  type JobHandler,
  type RunReport,
  type ScheduleJobInput,
  type ScheduledJob,
  MAX_ATTEMPTS,
  cancelJobs,
  cancelJobsByKeys,
  runDueJobs,
  scheduleDailyJobs,
  scheduleJob,
} from './jobs.ts';
