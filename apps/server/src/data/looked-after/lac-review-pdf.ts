import PDFDocument from "pdfkit";
import { letterBlocks } from "./lac-review-letter.ts";

/** What goes on the letter's page besides the letter itself. */
export interface LetterPdfInput {
  /** The document title and its first heading, e.g. "Your review on 4 March 2025". */
  title: string;
  /** Lines under the title: who it is from and the date. */
  meta: string[];
  letter: string;
  author: string | null;
}

const MARGIN = 72;
const BODY_SIZE = 14;
const SANS = "Helvetica";
const SANS_BOLD = "Helvetica-Bold";

/**
 * The letter to the child as an accessible PDF: tagged (a structure tree in reading order:
 * H1, paragraphs, H2 headings and lists), document language en-GB, its title shown by the
 * viewer, real text in a plain sans-serif at 14pt (headings larger), nothing drawn that is not
 * text. Built with pdfkit's tagged-PDF support, one structure element per block.
 */
export function renderLetterPdf(input: LetterPdfInput): Promise<Buffer> {
  const doc = new PDFDocument({
    pdfVersion: "1.7",
    tagged: true,
    lang: "en-GB",
    displayTitle: true,
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    font: SANS,
    info: { Title: input.title, Author: input.author ?? "Independent Reviewing Officer", Subject: "Letter to a child after their looked-after review", Creator: "Family Story" },
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => { resolve(Buffer.concat(chunks)); });
    doc.on("error", reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const root = doc.struct("Document");
  doc.addStructure(root);

  /** One tagged block of text; the trailing space keeps words apart when the text is extracted. */
  const block = (tag: string, font: string, size: number, text: string, after: number) => {
    root.add(
      doc.struct(tag, {}, () => {
        doc.font(font).fontSize(size).text(`${text} `, MARGIN, doc.y, { width, lineGap: 4 });
      }),
    );
    doc.moveDown(after);
  };

  block("H1", SANS_BOLD, 22, input.title, 0.5);
  for (const line of input.meta) block("P", SANS, BODY_SIZE, line, 0.2);
  doc.moveDown(1);
  for (const b of letterBlocks(input.letter)) {
    switch (b.kind) {
      case "heading":
        doc.moveDown(0.3);
        block("H2", SANS_BOLD, 17, b.text, 0.3);
        break;
      case "paragraph":
        block("P", SANS, BODY_SIZE, b.text, 0.6);
        break;
      case "list": {
        const list = doc.struct("L");
        root.add(list);
        for (const item of b.items) {
          const top = doc.y;
          list.add(
            doc.struct("LI", {}, [
              doc.struct("Lbl", {}, () => { doc.font(SANS).fontSize(BODY_SIZE).text("• ", MARGIN, top, { lineBreak: false }); }),
              doc.struct("LBody", {}, () => { doc.font(SANS).fontSize(BODY_SIZE).text(`${item} `, MARGIN + 20, top, { width: width - 20, lineGap: 4 }); }),
            ]),
          );
          doc.moveDown(0.3);
        }
        list.end();
        doc.moveDown(0.3);
        break;
      }
    }
  }
  root.end();
  doc.end();
  return finished;
}
