// Quiz scoring. A question counts as right when the options chosen are exactly the correct ones (single choice:
// the one correct option; multiple choice: every correct option and no other). The score is the share of
// questions right, rounded down to a whole percent, so 80% means at least 80 of 100 questions, never 79.6.

export interface ScoredQuestion {
  options: { correct: boolean }[];
}

export interface QuizScore {
  score: number;
  correct: boolean[];
}

export function scoreQuiz(questions: ScoredQuestion[], answers: number[][]): QuizScore {
  const correct = questions.map((question, index) => {
    const chosen = new Set(answers[index] ?? []);
    return question.options.every((option, optionIndex) => option.correct === chosen.has(optionIndex)) && [...chosen].every((i) => i < question.options.length);
  });
  const right = correct.filter(Boolean).length;
  return { score: questions.length === 0 ? 0 : Math.floor((right * 100) / questions.length), correct };
}

export const passes = (score: number, passMark: number): boolean => score >= passMark;

/** Attempts left after `used`, or null when there is no limit. */
export const attemptsLeft = (maxAttempts: number | null, used: number): number | null => (maxAttempts === null ? null : Math.max(0, maxAttempts - used));
