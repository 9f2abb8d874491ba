import type { Post, PostInput } from '@advocacy-kit/core/backend';
import { CheckSkipped, step } from './assert.js';
import type { CheckContext } from './check.js';
import { retryRateLimited } from './rate-limit-retry.js';
import type { ContractTarget } from './target.js';

/** The signed-in backends and what the checks need to know about the program. */
export type Session = Omit<CheckContext, 'runTag' | 'unique' | 'createPost' | 'adopt' | 'skip'>;

/** Signs in as the three targets and reads who they are, the topics and the teams. */
export async function signIn(target: ContractTarget): Promise<Session> {
  const employee = retryRateLimited(await step('create the employee backend', async () => target.employee()));
  const otherEmployee = retryRateLimited(await step('create the other employee backend', async () => target.otherEmployee()));
  const admin = retryRateLimited(await step('create the admin backend', async () => target.admin()));
  const me = await step('getMe as the employee', () => employee.getMe());
  const other = await step('getMe as the other employee', () => otherEmployee.getMe());
  const adminMe = await step('getMe as the admin', () => admin.getMe());
  // Backends may require the social-media policy before sharing; the checks share as both employees.
  await step('accept the policy as the employee', () => employee.acceptPolicy());
  await step('accept the policy as the other employee', () => otherEmployee.acceptPolicy());
  const topics = await step('list topics', () => employee.listTopics());
  const teams = await step('list teams', () => employee.listTeams());
  return { target, employee, otherEmployee, admin, me, other, adminMe, topics, teams };
}

/** The context of one check, and the ids of the posts it creates (to archive afterwards). */
export function checkContext(
  session: Session,
  runTag: string,
  unique: (label: string) => string,
): { context: CheckContext; created: string[] } {
  const created: string[] = [];
  const context: CheckContext = {
    ...session,
    runTag,
    unique,
    adopt: (postId) => created.push(postId),
    skip: (reason) => {
      throw new CheckSkipped(reason);
    },
    async createPost(input: Partial<PostInput> = {}): Promise<Post> {
      const post = await step('create a post as admin', () =>
        session.admin.admin.createPost({
          kind: 'curated',
          summary: 'Created by the Advocacy Kit contract tests.',
          url: `https://example.com/advocacy-contract/${unique('post')}`,
          locale: 'en',
          ...input,
          title: `${input.title ?? 'Contract check post'} [${runTag}]`,
        }),
      );
      created.push(post.id);
      return post;
    },
  };
  return { context, created };
}
