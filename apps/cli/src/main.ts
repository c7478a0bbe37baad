import { Command, InvalidArgumentError, Option } from "commander";
import type { Output } from "./audit-verify-command.ts";

// Commands are loaded when run: the database commands bring the server with them, and the
// offline returns validation should start in a fraction of a second without it.

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
  if (!/^E(0[6-9]|10)\d{6}$/.test(value)) throw new InvalidArgumentError("must be an ONS local authority code such as E09000033");
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

// Output piped into `head` and the like: stop quietly when the reader goes away.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

const program = new Command()
  .name("familystory")
  .description("Family Story administration from the command line. Uses DATABASE_URL, or the embedded database in DATA_DIR, as the server does.");

const audit = program.command("audit").description("The hash-chained audit log");
audit
  .command("verify")
  .description("Check every authority's audit chain; exit code 1 if any link is broken")
  .option("--la <code>", "only this authority (ONS code)", laCode)
  .action((options: { la?: string }) => run(async () => (await import("./audit-verify-command.ts")).auditVerifyCommand(options, io)));

const demo = program.command("demo").description("The synthetic demo borough");
demo
  .command("seed")
  .description("Create the demo authorities, teams, accounts and people (once)")
  .option("--people <n>", "how many people", positiveInt, 3000)
  .action((options: { people: number }) => run(async () => (await import("./demo-seed-command.ts")).demoSeedCommand(options, io)));

const measures = program.command("measures").description("Outcome measures worked out from the records");
measures
  .command("rebuild")
  .description("Build the measure facts of every authority (or one) from scratch, with progress")
  .option("--la <code>", "only this authority (ONS code)", laCode)
  .action((options: { la?: string }) => run(async () => (await import("./measures/measures-rebuild-command.ts")).measuresRebuildCommand(options, io)));

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
  .action((input: string, options: { la: string; year?: number; report?: string }) => run(async () => (await import("./import-ssda903-command.ts")).importSsda903Command(input, options, io)));
importCommand
  .command("postcodes")
  .description("Load the ONS Postcode Directory (pcd, oseast1m, osnrth1m, laua; .csv or .csv.gz), replacing the one loaded before")
  .argument("<file>", "the directory CSV, gzipped or not")
  .action((file: string) => run(async () => (await import("./import-postcodes-command.ts")).importPostcodesCommand(file, io)));

const validate = program
  .command("returns")
  .description("Statutory returns: validate files by the DfE rules (offline; nothing is sent anywhere)")
  .command("validate")
  .description("Validate a return's files and list every finding (exit 0 when validation ran, whatever it found)");
const formatOption = (): Option => new Option("--format <format>", "csv (rule_code,table,row_id,child_id,columns,message), json or summary").choices(["csv", "json", "summary"]).default("summary");
validate
  .command("ssda903")
  .description("SSDA903 (children looked after): a folder of CSV files or the XML, or one file")
  .addOption(new Option("--ruleset <ruleset>", "the DfE ruleset").choices(["lac2025_26", "lac2026_27"]).default("lac2026_27"))
  .requiredOption("--year <start>", "the collection year (2017 for 1 April 2017 to 31 March 2018)", collectionYear)
  .requiredOption("--la <code>", "the returning authority (ONS code)", laCode)
  .option("--previous <path>", "last year's files, for the rules that compare years")
  .option("--postcodes <file>", "the ONS Postcode Directory (.csv or .csv.gz) to derive PL_LA, PL_LOCATION and PL_DISTANCE")
  .addOption(formatOption())
  .argument("<path>", "folder or file")
  .action((input: string, options: { ruleset: "lac2025_26" | "lac2026_27"; year: number; la: string; previous?: string; postcodes?: string; format: "csv" | "json" | "summary" }) =>
    run(async () => (await import("./returns/ssda903-validate-command.ts")).ssda903ValidateCommand(input, options, io)),
  );
validate
  .command("cin")
  .description("CIN census (children in need): the census XML file")
  .addOption(new Option("--ruleset <ruleset>", "the DfE ruleset").choices(["cin2025_26"]).default("cin2025_26"))
  .addOption(formatOption())
  .argument("<file>", "the census XML file (or a folder holding it)")
  .action((input: string, options: { ruleset: "cin2025_26"; format: "csv" | "json" | "summary" }) =>
    run(async () => (await import("./returns/cin-validate-command.ts")).cinValidateCommand(input, options, io)),
  );

await program.parseAsync(process.argv);
