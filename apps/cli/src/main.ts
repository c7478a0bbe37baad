import { Command, InvalidArgumentError } from "commander";
import { auditVerifyCommand, type Output } from "./audit-verify-command.ts";
import { demoSeedCommand } from "./demo-seed-command.ts";

const io: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  interactive: process.stderr.isTTY,
};

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError("must be a positive whole number");
  return n;
}

function laCode(value: string): string {
  if (!/^E0[6-9]\d{6}$/.test(value)) throw new InvalidArgumentError("must be an ONS local authority code such as E09000033");
  return value;
}

/** Runs an action and leaves with its exit code; a failure is one line on stderr, not a stack. */
function run(action: () => Promise<number>): Promise<void> {
  return action().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      io.err(`familystory: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 2;
    },
  );
}

const program = new Command()
  .name("familystory")
  .description("Family Story administration from the command line. Uses DATABASE_URL, or the embedded database in DATA_DIR, as the server does.");

const audit = program.command("audit").description("The hash-chained audit log");
audit
  .command("verify")
  .description("Check every authority's audit chain; exit code 1 if any link is broken")
  .option("--la <code>", "only this authority (ONS code)", laCode)
  .action((options: { la?: string }) => run(() => auditVerifyCommand(options, io)));

const demo = program.command("demo").description("The synthetic demo borough");
demo
  .command("seed")
  .description("Create the demo authorities, teams, accounts and people (once)")
  .option("--people <n>", "how many people", positiveInt, 3000)
  .action((options: { people: number }) => run(() => demoSeedCommand(options, io)));

await program.parseAsync(process.argv);
