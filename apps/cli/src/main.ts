import { Command, InvalidArgumentError } from "commander";
import { auditVerifyCommand, type Output } from "./audit-verify-command.ts";
import { demoSeedCommand } from "./demo-seed-command.ts";
import { importPostcodesCommand } from "./import-postcodes-command.ts";
import { importSsda903Command } from "./import-ssda903-command.ts";

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

function collectionYear(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1990 || n > 2100) throw new InvalidArgumentError("must be the year the collection starts, such as 2017 for 2017/18");
  return n;
}

const importCommand = program.command("import").description("Bring history and reference data in");
importCommand
  .command("ssda903")
  .description("Load SSDA903 files (CSV or XML): a folder of one year, a folder of year folders, or one file")
  .requiredOption("--la <code>", "the authority the children belong to (ONS code)", laCode)
  .option("--year <start>", "the collection year of one year's files (2017 for 2017/18); otherwise from the folder name or the episodes", collectionYear)
  .option("--report <file.csv>", "write every rejected row to this CSV (the screen then lists the first 50)")
  .argument("<path>", "folder or file")
  .action((input: string, options: { la: string; year?: number; report?: string }) => run(() => importSsda903Command(input, options, io)));
importCommand
  .command("postcodes")
  .description("Load the ONS Postcode Directory (pcd, oseast1m, osnrth1m, laua; .csv or .csv.gz), replacing the one loaded before")
  .argument("<file>", "the directory CSV, gzipped or not")
  .action((file: string) => run(() => importPostcodesCommand(file, io)));

await program.parseAsync(process.argv);
