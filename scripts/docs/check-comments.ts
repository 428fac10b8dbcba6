import fs from "node:fs";

/** The parts of TypeDoc's JSON output this check reads. */
interface CommentPart {
  text: string;
}
interface Comment {
  summary?: CommentPart[];
  blockTags?: { tag: string; content: CommentPart[] }[];
}
interface Signature {
  comment?: Comment;
  parameters?: unknown[];
}
export interface Reflection {
  name: string;
  kind: number;
  flags?: { isPrivate?: boolean; isProtected?: boolean; isExternal?: boolean };
  comment?: Comment;
  signatures?: Signature[];
  getSignature?: Signature;
  setSignature?: Signature;
  children?: Reflection[];
  inheritedFrom?: unknown;
}

// TypeDoc's ReflectionKind values (stable parts of its JSON schema).
const KIND = {
  variable: 32,
  function: 64,
  class: 128,
  constructor: 512,
  property: 1024,
  method: 2048,
  accessor: 262144,
};

/** One public class, class member, function or value whose comment falls short. */
export interface CommentProblem {
  name: string;
  problem: "no comment" | "does not name the Python member" | "has no @example";
}

function textOf(comment: Comment): string {
  const summary = (comment.summary ?? []).map((part) => part.text).join("");
  const tags = (comment.blockTags ?? []).map(
    (tag) => `${tag.tag} ${tag.content.map((part) => part.text).join("")}`,
  );
  return [summary, ...tags].join("\n");
}

function commentsOf(reflection: Reflection): Comment[] {
  return [
    reflection.comment,
    ...(reflection.signatures ?? []).map((signature) => signature.comment),
    reflection.getSignature?.comment,
    reflection.setSignature?.comment,
  ].filter((comment): comment is Comment => comment !== undefined);
}

function judge(reflection: Reflection, name: string, inherited = ""): CommentProblem | null {
  const text = commentsOf(reflection).map(textOf).join("\n") || inherited;
  if (text.trim() === "") return { name, problem: "no comment" };
  // "Python: `Item.title`", or for tsgis's own additions a sentence saying Python has none.
  if (!/Python/.test(text)) return { name, problem: "does not name the Python member" };
  if (!/@example/.test(text)) return { name, problem: "has no @example" };
  return null;
}

/**
 * Every exported class, function and value, and every public member of an exported class,
 * must say which Python member it stands for and show a short example. (TypeDoc's own
 * notDocumented validation covers the presence of comments on interfaces and type aliases.)
 */
export function checkComments(project: Reflection): CommentProblem[] {
  const problems: CommentProblem[] = [];
  const add = (problem: CommentProblem | null) => problem && problems.push(problem);
  for (const top of project.children ?? []) {
    if (![KIND.class, KIND.function, KIND.variable].includes(top.kind)) continue;
    add(judge(top, top.name));
    if (top.kind !== KIND.class) continue;
    for (const member of top.children ?? []) {
      if (member.flags?.isPrivate || member.flags?.isProtected || member.inheritedFrom) continue;
      const memberKinds = [KIND.constructor, KIND.property, KIND.method, KIND.accessor];
      if (!memberKinds.includes(member.kind)) continue;
      // A constructor that takes nothing (often implicit, so nowhere to comment) is described
      // by its class's comment.
      const bare =
        member.kind === KIND.constructor &&
        (member.signatures ?? []).every((signature) => (signature.parameters ?? []).length === 0);
      add(
        judge(
          member,
          `${top.name}.${member.name}`,
          bare ? commentsOf(top).map(textOf).join("\n") : "",
        ),
      );
    }
  }
  return problems;
}

/** Reads TypeDoc's JSON file and checks it. */
export function checkCommentsFile(file: string): CommentProblem[] {
  return checkComments(JSON.parse(fs.readFileSync(file, "utf8")) as Reflection);
}
