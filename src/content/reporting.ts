// How to report (knowledge/reporting.yaml): at most two questions lead to one route, and each route
// lists services (by id in services.yaml) that hold the numbers and links.
import path from 'node:path';
import { z } from 'zod';
import { plainText, reviewedDate, slug, source } from './common.js';
import { loadYamlFile } from './loadYaml.js';

const keywordList = z.array(z.string().trim().toLowerCase().min(1, 'must not be empty')).default([]);

export const reportChoiceSchema = z
  .object({
    id: slug,
    label: plainText(60),
    keywords: keywordList,
    route: slug.optional(),
    next: slug.optional(),
  })
  .strict()
  .refine((c) => Boolean(c.route) !== Boolean(c.next), {
    message: 'must have either "route" (show a route) or "next" (ask a follow-up question), not both',
  });

export const reportQuestionSchema = z
  .object({
    id: slug,
    /** Said before the question, e.g. what counts as a hate incident. */
    explain: plainText(400).optional(),
    prompt: plainText(120),
    choices: z.array(reportChoiceSchema).min(2, 'must offer at least 2 choices'),
  })
  .strict();

export const reportRouteSchema = z
  .object({
    id: slug,
    title: plainText(60),
    says: plainText(500),
    services: z.array(slug).min(1, 'must list at least one service id from services.yaml'),
    source,
    reviewed: reviewedDate,
  })
  .strict();

export const reportingFileSchema = z
  .object({
    notice: plainText(300).refine(
      (s) => /police/i.test(s) && /(cannot|can't|does not|doesn't|not)/i.test(s),
      'must say clearly that this chat does not take reports and nothing typed reaches the police',
    ),
    /** Said after the route, with the menu: support is there whether people report or not. */
    afterRoute: plainText(300),
    start: reportQuestionSchema,
    questions: z.array(reportQuestionSchema).default([]),
    routes: z.array(reportRouteSchema).min(1),
  })
  .strict()
  .superRefine((file, ctx) => {
    const routeIds = new Set<string>();
    file.routes.forEach((r, i) => {
      if (routeIds.has(r.id))
        ctx.addIssue({ code: 'custom', path: ['routes', i, 'id'], message: `"${r.id}" is used twice` });
      routeIds.add(r.id);
    });
    const questionIds = new Map(file.questions.map((q) => [q.id, q]));
    const checkRoute = (route: string | undefined, p: (string | number)[]) => {
      if (route && !routeIds.has(route))
        ctx.addIssue({ code: 'custom', path: p, message: `there is no route with id "${route}"` });
    };
    file.start.choices.forEach((c, i) => {
      checkRoute(c.route, ['start', 'choices', i, 'route']);
      if (c.next && !questionIds.has(c.next))
        ctx.addIssue({
          code: 'custom',
          path: ['start', 'choices', i, 'next'],
          message: `there is no question with id "${c.next}"`,
        });
    });
    file.questions.forEach((q, qi) =>
      q.choices.forEach((c, ci) => {
        if (c.next)
          ctx.addIssue({
            code: 'custom',
            path: ['questions', qi, 'choices', ci, 'next'],
            message: 'a follow-up question must lead to a route, so nobody is asked more than two questions',
          });
        checkRoute(c.route, ['questions', qi, 'choices', ci, 'route']);
      }),
    );
  });

export type ReportChoice = z.infer<typeof reportChoiceSchema>;
export type ReportQuestion = z.infer<typeof reportQuestionSchema>;
export type ReportRoute = z.infer<typeof reportRouteSchema>;
export type ReportingFile = z.infer<typeof reportingFileSchema>;

export class ReportingGuide {
  private readonly routesById: Map<string, ReportRoute>;
  private readonly questionsById: Map<string, ReportQuestion>;

  constructor(readonly file: ReportingFile) {
    this.routesById = new Map(file.routes.map((r) => [r.id, r]));
    this.questionsById = new Map(file.questions.map((q) => [q.id, q]));
  }

  get notice(): string {
    return this.file.notice;
  }

  get start(): ReportQuestion {
    return this.file.start;
  }

  get routes(): readonly ReportRoute[] {
    return this.file.routes;
  }

  route(id: string): ReportRoute {
    const route = this.routesById.get(id);
    if (!route) throw new Error(`knowledge/reporting.yaml has no route with id "${id}"`);
    return route;
  }

  question(id: string): ReportQuestion {
    const question = this.questionsById.get(id);
    if (!question) throw new Error(`knowledge/reporting.yaml has no question with id "${id}"`);
    return question;
  }
}

export const reportingFile = (knowledgeDir: string) => path.join(knowledgeDir, 'reporting.yaml');

export async function loadReporting(knowledgeDir: string): Promise<ReportingGuide> {
  return new ReportingGuide(await loadYamlFile(reportingFile(knowledgeDir), reportingFileSchema));
}
