/** Which formats a run can make on this machine: those whose programs are all installed. */
import type { FormatId } from '../axes/axis.js';
import { FORMAT_SPECS } from './index.js';
import type { FormatSpec, Tool } from './spec.js';

/** The formats whose programs are installed; each program missing is logged once, with the formats it leaves out and how to install it. */
export async function formatsWithTools(formats: FormatId[], log: (line: string) => void, specs: Record<FormatId, Pick<FormatSpec, 'needs'>> = FORMAT_SPECS): Promise<FormatId[]> {
  const missing = new Set<Tool>();
  for (const tool of new Set(formats.flatMap((f) => specs[f].needs))) if (!(await tool.available())) missing.add(tool);
  for (const tool of missing) log(`${tool.name} not found: ${formats.filter((f) => specs[f].needs.includes(tool)).join(', ')} left out (${tool.install})`);
  return formats.filter((f) => !specs[f].needs.some((tool) => missing.has(tool)));
}
