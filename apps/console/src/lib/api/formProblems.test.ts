import { describe, expect, it } from 'vitest';
import { problemsForForm } from './formProblems.ts';

describe('problemsForForm', () => {
  it('puts each body problem on its form field and keeps the rest general', () => {
    const result = problemsForForm(
      [
        { path: 'body.email', message: 'must be an email address' },
        { path: 'body.password', message: 'must be at least 8 characters' },
        { path: 'body.email', message: 'is already used' },
        { path: 'query.limit', message: 'too big' },
        { path: 'body', message: 'is empty' },
      ],
      ['email', 'name', 'password', 'role'],
    );
    expect(result.fields).toEqual([
      { name: ['email'], errors: ['must be an email address', 'is already used'] },
      { name: ['password'], errors: ['must be at least 8 characters'] },
    ]);
    expect(result.general.map((p) => p.path)).toEqual(['query.limit', 'body']);
  });

  it('turns list indexes into numbers so AntD finds the item of a Form.List', () => {
    const result = problemsForForm([{ path: 'body.similarQuestions.2', message: 'must not be empty' }], ['similarQuestions']);
    expect(result.fields).toEqual([{ name: ['similarQuestions', 2], errors: ['must not be empty'] }]);
  });

  it('treats fields the form does not have as general problems', () => {
    expect(problemsForForm([{ path: 'body.locale', message: 'bad' }], ['email']).general).toHaveLength(1);
  });
});
