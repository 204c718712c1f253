import { Navigate, Route, Routes } from 'react-router';
import { AcademyLayout } from './AcademyLayout.tsx';
import { CourseEditorPage } from './CourseEditorPage.tsx';
import { CoursesPage } from './CoursesPage.tsx';
import { EnrolmentsPage } from './EnrolmentsPage.tsx';
import { PathEditorPage, PathsPage } from './PathsPage.tsx';
import { RatesPage } from './RatesPage.tsx';
import { ReleasesPage } from './ReleasesPage.tsx';
import { RulesPage } from './RulesPage.tsx';
import { WebinarPage, WebinarsPage } from './WebinarsPage.tsx';

/** The academy's pages under /academy/*; the app loads this module when the academy is first opened. */
export function AcademyApp() {
  return (
    <Routes>
      <Route element={<AcademyLayout />}>
        <Route index element={<Navigate to="/academy/courses" replace />} />
        <Route path="courses" element={<CoursesPage />} />
        <Route path="courses/:id" element={<CourseEditorPage />} />
        <Route path="paths" element={<PathsPage />} />
        <Route path="paths/:id" element={<PathEditorPage />} />
        <Route path="rules" element={<RulesPage />} />
        <Route path="enrolments" element={<EnrolmentsPage />} />
        <Route path="reports" element={<RatesPage />} />
        <Route path="webinars" element={<WebinarsPage />} />
        <Route path="webinars/:id" element={<WebinarPage />} />
        <Route path="releases" element={<ReleasesPage />} />
      </Route>
    </Routes>
  );
}
