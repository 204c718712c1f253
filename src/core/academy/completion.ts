// When a learning path is complete: every core course complete, at least `electivesRequired` electives complete,
// and, if the path sets a minimum score, the average of the scores earned in its courses reaching it. A course is
// complete when each of its lessons is completed or passed (a failed quiz is not done).
import type { LessonStatus, PathCourseKind } from './words.ts';

export interface PathRule {
  courses: { courseId: string; kind: PathCourseKind }[];
  electivesRequired: number;
  minimumScore: number | null;
}

export interface CourseState {
  completed: boolean;
  /** Average score over the course's scored lessons, null if it has none scored. */
  score: number | null;
}

export interface PathStanding {
  complete: boolean;
  completedCore: number;
  totalCore: number;
  completedElectives: number;
  /** Courses that count toward completion (all core + the electives required). */
  countingCourses: number;
  countedDone: number;
  percent: number;
  score: number | null;
}

export const lessonDone = (status: LessonStatus): boolean => status === 'completed' || status === 'passed';

export function courseState(lessons: { status: LessonStatus; score: number | null }[]): CourseState {
  const scores = lessons.map((lesson) => lesson.score).filter((score): score is number => score !== null);
  return {
    completed: lessons.length > 0 && lessons.every((lesson) => lessonDone(lesson.status)),
    score: scores.length === 0 ? null : Math.round(scores.reduce((a, b) => a + b, 0) / scores.length),
  };
}

export function pathStanding(path: PathRule, states: ReadonlyMap<string, CourseState>): PathStanding {
  const core = path.courses.filter((course) => course.kind === 'core');
  const electives = path.courses.filter((course) => course.kind === 'elective');
  const done = (courseId: string) => states.get(courseId)?.completed === true;
  const completedCore = core.filter((course) => done(course.courseId)).length;
  const completedElectives = electives.filter((course) => done(course.courseId)).length;
  const scores = path.courses.map((course) => states.get(course.courseId)?.score).filter((score): score is number => typeof score === 'number');
  const score = scores.length === 0 ? null : Math.round(scores.reduce((a, b) => a + b, 0) / scores.length);
  const countingCourses = core.length + path.electivesRequired;
  const countedDone = completedCore + Math.min(completedElectives, path.electivesRequired);
  const scoreMet = path.minimumScore === null || (score !== null && score >= path.minimumScore);
  const complete = completedCore === core.length && completedElectives >= path.electivesRequired && scoreMet;
  const percent = countingCourses === 0 ? 100 : Math.floor((countedDone * 100) / countingCourses);
  return { complete, completedCore, totalCore: core.length, completedElectives, countingCourses, countedDone, percent: complete ? 100 : Math.min(percent, 99), score };
}
