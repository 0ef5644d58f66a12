/**
 * What the GitHub Actions runner makes of a line of output, ported from
 * actions/runner: `ActionCommand.TryParseV2` (src/Runner.Worker/ActionCommand.cs:
 * `::name key=value,key=value::data`, properties and data unescaped) and the
 * file handling of `IssueCommandExtension` (ActionCommandManager.cs: an
 * absolute `file` under GITHUB_WORKSPACE is made relative to it with
 * `IOUtil.MakeRelative`; any other value is kept as it is, and GitHub then
 * reads it from the repository root).
 */
export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  data: string;
}

const DATA_ESCAPES: Array<[string, string]> = [
  ['\r', '%0D'],
  ['\n', '%0A'],
  ['%', '%25'],
];
const PROPERTY_ESCAPES: Array<[string, string]> = [
  ['\r', '%0D'],
  ['\n', '%0A'],
  [':', '%3A'],
  [',', '%2C'],
  ['%', '%25'],
];

/** StringEscapingUtil.UnescapeString: each replacement back to its token, in the mapping's order. */
function unescape(text: string, mappings: Array<[string, string]>): string {
  let out = text;
  for (const [token, replacement] of mappings) out = out.split(replacement).join(token);
  return out;
}

const REGISTERED = new Set(['error', 'warning', 'notice', 'debug', 'group', 'endgroup']);

export function parseWorkflowCommand(line: string): WorkflowCommand | undefined {
  const message = line.trimStart();
  if (!message.startsWith('::')) return undefined;
  const endIndex = message.indexOf('::', 2);
  if (endIndex < 0) return undefined;
  const info = message.slice(2, endIndex);
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  if (!REGISTERED.has(command)) return undefined;
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const property of info
      .slice(space + 1)
      .trim()
      .split(',')
      .filter(Boolean)) {
      const eq = property.indexOf('=');
      // String.Split('=', 2, RemoveEmptyEntries): a pair needs a non-empty key and value.
      if (eq <= 0 || eq === property.length - 1) continue;
      properties[property.slice(0, eq)] = unescape(property.slice(eq + 1), PROPERTY_ESCAPES);
    }
  }
  return { command, properties, data: unescape(message.slice(endIndex + 2), DATA_ESCAPES) };
}

/** IOUtil.MakeRelative(path, folder) on Linux. */
function makeRelative(path: string, folder: string): string {
  if (!path.startsWith(folder)) return path;
  if (path.length === folder.length) return '';
  if (folder.endsWith('/')) return path.slice(folder.length);
  if (path[folder.length] === '/') return path.slice(folder.length + 1);
  return path;
}

/** The repository path an annotation is attached to, as the runner sends it to GitHub. */
export function annotatedFile(command: WorkflowCommand, workspace: string): string | undefined {
  const file = command.properties.file;
  if (!file) return undefined;
  const relative = makeRelative(file, workspace);
  return relative !== file && relative !== '' ? relative : file;
}
