/**
 * GitHub Actions workflow commands: `::error file=F,line=L,col=C,title=T::message`.
 * GitHub shows at most 10 errors and 10 warnings per step; the rest are
 * summed up in a notice.
 */
export const ANNOTATION_LIMIT = 10;

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  title?: string;
  file?: string;
  line?: number;
  column?: number;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatAnnotation(a: Annotation): string {
  const props: string[] = [];
  if (a.file) props.push(`file=${escapeProperty(a.file)}`);
  if (a.line) props.push(`line=${a.line}`);
  if (a.column) props.push(`col=${a.column}`);
  if (a.title) props.push(`title=${escapeProperty(a.title)}`);
  return `::${a.level}${props.length ? ` ${props.join(',')}` : ''}::${escapeData(a.message)}\n`;
}

/** The annotations GitHub will show, and a notice counting the ones it would drop. */
export function formatAnnotations(annotations: readonly Annotation[]): string {
  let out = '';
  const dropped = { error: 0, warning: 0 };
  const shown = { error: 0, warning: 0 };
  for (const a of annotations) {
    if (a.level === 'notice') {
      out += formatAnnotation(a);
      continue;
    }
    if (shown[a.level] < ANNOTATION_LIMIT) {
      shown[a.level]++;
      out += formatAnnotation(a);
    } else {
      dropped[a.level]++;
    }
  }
  if (dropped.error + dropped.warning > 0) {
    out += formatAnnotation({
      level: 'notice',
      message: `${dropped.error} more errors and ${dropped.warning} more warnings are not annotated (GitHub shows 10 of each); see the log or the job summary.`,
    });
  }
  return out;
}
