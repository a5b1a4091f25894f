import type { FastifyInstance, FastifyRequest } from 'fastify';
import { serverMessages } from '../messages';
import { ApiError, validationFailed } from './api-error';
import { isSafeText } from './schemas';

/**
 * Deepest JSON a request may carry. Real bodies are a few levels deep (answers → a list →
 * an object); thousands of levels overflow recursive code downstream (JSON.stringify, zod).
 */
export const MAX_INPUT_DEPTH = 32;

type InputProblem = { kind: 'text'; path: string } | { kind: 'depth'; path: string };

/**
 * Walks a parsed input (params, query, JSON body) without recursion, so depth itself can
 * never overflow the stack here; returns the first string (value or key) PostgreSQL or
 * UTF-8 would refuse, or the first place deeper than MAX_INPUT_DEPTH.
 */
export function findInputProblem(input: unknown, root: string): InputProblem | null {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: input, path: root, depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (!isSafeText(value)) return { kind: 'text', path };
      continue;
    }
    if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) continue;
    if (depth >= MAX_INPUT_DEPTH) return { kind: 'depth', path };
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const childPath = path ? `${path}.${key}` : key;
      if (!isSafeText(key)) return { kind: 'text', path: childPath };
      stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return null;
}

function checkRequestInput(request: FastifyRequest): void {
  const parts: Array<[unknown, string]> = [
    [request.params, ''],
    [request.query, ''],
    [request.body, ''],
  ];
  for (const [input, root] of parts) {
    const problem = findInputProblem(input, root);
    if (!problem) continue;
    if (problem.kind === 'depth') throw new ApiError(400, 'TOO_DEEP', serverMessages.inputTooDeep);
    throw validationFailed({ [problem.path || 'body']: serverMessages.textUnsafe });
  }
}

/**
 * One check for every route, before its own schema: no string anywhere in the path, query
 * or JSON body may hold NUL or a lone surrogate (PostgreSQL refuses the first, UTF-8 cannot
 * encode the second), and no body may nest deeper than MAX_INPUT_DEPTH. Routes added later
 * get it without doing anything, so these can never reach the database as a 500.
 */
export function installInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => checkRequestInput(request));
}
