// Every CLI subcommand is a function from arguments and stdin to text, so tests call it directly
// and engine/cli.ts only does process I/O.

export interface CliResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

export type ReadStdin = () => Promise<string>;
