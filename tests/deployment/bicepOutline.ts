// A light structural parse of a formatted Bicep file (as `bicep format` lays it out): the
// parameters with their decorators, variables, resources with their blocks, and outputs. Not a
// Bicep compiler: it refuses any top-level line it does not recognise, so a file it cannot read
// fails the tests instead of passing them unread.

export interface BicepParam {
  name: string;
  type: string;
  secure: boolean;
  /** The default as written (a literal or an expression), if any. */
  defaultValue?: string;
  allowed?: string[];
  minLength?: number;
  maxLength?: number;
  minValue?: number;
  maxValue?: number;
  description?: string;
}

export interface BicepResource {
  symbol: string;
  type: string;
  apiVersion: string;
  condition?: string;
  /** The resource's body, from its opening line to its closing brace. */
  body: string;
}

export interface BicepOutline {
  params: BicepParam[];
  variables: string[];
  resources: BicepResource[];
  outputs: { name: string; type: string }[];
}

/** Turns a Bicep literal into a comparable value: numbers, booleans and 'strings'. */
export function bicepLiteral(text: string): string | number | boolean | undefined {
  const t = text.trim();
  if (/^-?\d+$/.test(t)) return Number(t);
  if (t === 'true' || t === 'false') return t === 'true';
  const str = /^'((?:[^'\\]|\\.)*)'$/.exec(t);
  if (str && !str[1].includes('${')) return str[1].replace(/\\(.)/g, '$1');
  return undefined;
}

export function outlineBicep(source: string): BicepOutline {
  const lines = source.split('\n');
  const outline: BicepOutline = { params: [], variables: [], resources: [], outputs: [] };
  let pending: Omit<BicepParam, 'name' | 'type'> = { secure: false };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const where = `line ${i + 1}`;
    if (line.trim() === '' || line.startsWith('//')) continue;
    if (line.startsWith('targetScope =')) continue;

    const decorator = /^@(\w+)\((.*)\)$/.exec(line);
    if (decorator || line === '@allowed([') {
      if (line === '@allowed([') {
        const values: string[] = [];
        for (i++; lines[i] !== '])'; i++) {
          if (i >= lines.length) throw new Error(`Bicep ${where}: @allowed([ is never closed`);
          const value = bicepLiteral(lines[i]);
          if (typeof value !== 'string')
            throw new Error(`Bicep line ${i + 1}: allowed value is not a string`);
          values.push(value);
        }
        pending.allowed = values;
        continue;
      }
      const [, name, arg] = decorator!;
      if (name === 'secure') pending.secure = true;
      else if (name === 'description') pending.description = String(bicepLiteral(arg));
      else if (name === 'minLength' || name === 'maxLength' || name === 'minValue' || name === 'maxValue')
        pending[name] = Number(arg);
      else throw new Error(`Bicep ${where}: unknown decorator @${name}`);
      continue;
    }

    const param = /^param (\w+) (\w+)(?: = (.+))?$/.exec(line);
    if (param) {
      outline.params.push({ name: param[1], type: param[2], ...pending, defaultValue: param[3] });
      pending = { secure: false };
      continue;
    }
    if (Object.keys(pending).length > 1 || pending.secure)
      throw new Error(`Bicep ${where}: decorator without a param`);

    const variable = /^var (\w+) = .+$/.exec(line);
    if (variable) {
      outline.variables.push(variable[1]);
      continue;
    }

    const resource = /^resource (\w+) '([^'@]+)@([^']+)' = (?:if \((.+)\) )?\{$/.exec(line);
    if (resource) {
      const start = i;
      while (i < lines.length && lines[i] !== '}') i++;
      if (i >= lines.length) throw new Error(`Bicep ${where}: resource ${resource[1]} is never closed`);
      outline.resources.push({
        symbol: resource[1],
        type: resource[2],
        apiVersion: resource[3],
        condition: resource[4],
        body: lines.slice(start, i + 1).join('\n'),
      });
      continue;
    }

    const output = /^output (\w+) (\w+) = .+$/.exec(line);
    if (output) {
      outline.outputs.push({ name: output[1], type: output[2] });
      continue;
    }
    throw new Error(`Bicep ${where}: cannot read "${line.slice(0, 60)}"`);
  }
  return outline;
}

/** The app settings of a resource body, as [name, value expression] in order. */
export function bicepAppSettings(body: string): [string, string][] {
  const block = /appSettings: \[\n([\s\S]*?)\n\s*\]\n/.exec(body);
  if (!block) throw new Error('no appSettings block');
  const settings: [string, string][] = [];
  const pair = /\{\s*name: '([^']+)'\s*value: (.+)\s*\}/g;
  for (const m of block[1].matchAll(pair)) settings.push([m[1], m[2].trim()]);
  return settings;
}
