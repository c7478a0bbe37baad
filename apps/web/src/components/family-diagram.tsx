import type { Person } from "@family-story/schemas";
import { Link } from "react-router";
import { GENERATION_LABELS, NODE_WIDTH, ROW_LABELS, SHAPE, describeNode, layoutFamily, type FamilyLayout, type FamilyNode } from "./family-layout.ts";
import { ScrollTable } from "./scroll-table.tsx";

const HALF = SHAPE / 2;
/** Just below a node's name and detail text, where a line down may start without crossing them. */
const BELOW_TEXT = HALF + 44;

function Shape({ node }: { node: FamilyNode }) {
  const { x, y } = node;
  switch (node.sex) {
    case "male":
      return <rect className="app-genogram__shape" x={x - HALF} y={y - HALF} width={SHAPE} height={SHAPE} />;
    case "female":
      return <circle className="app-genogram__shape" cx={x} cy={y} r={HALF} />;
    case "unknown":
      return <polygon className="app-genogram__shape" points={`${x},${y - HALF - 4} ${x + HALF + 4},${y} ${x},${y + HALF + 4} ${x - HALF - 4},${y}`} />;
  }
}

function Node({ node }: { node: FamilyNode }) {
  const classes = ["app-genogram__node", node.type === "subject" ? "app-genogram__node--subject" : "", node.canOpen ? "" : "app-genogram__node--anonymous"].filter(Boolean).join(" ");
  const name = node.canOpen ? node.name : "Not shown";
  const detail = [node.type === "subject" ? "This person" : node.relationship, node.age !== null ? `age ${node.age}` : null].filter(Boolean).join(", ");
  const { x, y } = node;
  return (
    <g className={classes} data-testid={`genogram-node-${node.type}`}>
      <Shape node={node} />
      {node.deceased && (
        <>
          <line className="app-genogram__deceased" x1={x - HALF - 6} y1={y - HALF - 6} x2={x + HALF + 6} y2={y + HALF + 6} />
          <line className="app-genogram__deceased" x1={x + HALF + 6} y1={y - HALF - 6} x2={x - HALF - 6} y2={y + HALF + 6} />
        </>
      )}
      {!node.canOpen && (
        <text className="app-genogram__name" x={x} y={y + 5} textAnchor="middle">
          ?
        </text>
      )}
      <text className="app-genogram__name" x={x} y={y + HALF + 20} textAnchor="middle">
        {name.length > 20 ? `${name.slice(0, 19)}…` : name}
      </text>
      <text className="app-genogram__detail" x={x} y={y + HALF + 37} textAnchor="middle">
        {detail}
        {node.deceased ? " (died)" : ""}
      </text>
    </g>
  );
}

function midpoint(nodes: FamilyNode[]): number {
  if (nodes.length === 0) return 0;
  return (Math.min(...nodes.map((n) => n.x)) + Math.max(...nodes.map((n) => n.x))) / 2;
}

/** A bar over a row of children with a drop to each, joined up to the parents' midpoint. */
function Descent({ fromX, fromY, children, dashedFor = () => false }: { fromX: number; fromY: number; children: FamilyNode[]; dashedFor?: (n: FamilyNode) => boolean }) {
  if (children.length === 0) return null;
  const childY = (children[0]?.y ?? 0) - HALF - 4;
  const barY = childY - 22;
  const xs = [...children.map((c) => c.x), fromX];
  return (
    <g>
      <line className="app-genogram__line" x1={fromX} y1={fromY} x2={fromX} y2={barY} />
      <line className="app-genogram__line" x1={Math.min(...xs)} y1={barY} x2={Math.max(...xs)} y2={barY} />
      {children.map((c) => (
        <line key={c.key} className="app-genogram__line" strokeDasharray={dashedFor(c) ? "6 4" : undefined} x1={c.x} y1={barY} x2={c.x} y2={childY} />
      ))}
    </g>
  );
}

function Lines({ layout }: { layout: FamilyLayout }) {
  const row = (g: number) => layout.nodes.filter((n) => n.generation === g);
  const grandparents = row(-2);
  const parents = row(-1);
  const sameRow = row(0);
  const partners = sameRow.filter((n) => n.type === "partner");
  const siblings = sameRow.filter((n) => n.type === "sibling" || n.type === "half_sibling" || n.type === "subject");
  const children = row(1);
  const grandchildren = row(2);
  const s = layout.subject;
  const parentsMid = parents.length > 0 ? midpoint(parents) : s.x;
  const parentY = (parents[0]?.y ?? 0) + (parents.length > 1 ? 0 : BELOW_TEXT);
  const partnerMid = partners.length > 0 ? (s.x + (partners[0]?.x ?? s.x)) / 2 : s.x;
  return (
    <g>
      {parents.length > 1 && <line className="app-genogram__partner-line" x1={Math.min(...parents.map((p) => p.x)) + HALF} y1={parents[0]?.y ?? 0} x2={Math.max(...parents.map((p) => p.x)) - HALF} y2={parents[0]?.y ?? 0} />}
      {grandparents.length > 1 && <line className="app-genogram__partner-line" x1={Math.min(...grandparents.map((p) => p.x)) + HALF} y1={grandparents[0]?.y ?? 0} x2={Math.max(...grandparents.map((p) => p.x)) - HALF} y2={grandparents[0]?.y ?? 0} />}
      {grandparents.length > 0 && parents.length > 0 && <Descent fromX={midpoint(grandparents)} fromY={(grandparents[0]?.y ?? 0) + (grandparents.length > 1 ? 0 : BELOW_TEXT)} children={parents} />}
      {grandparents.length > 0 && parents.length === 0 && <Descent fromX={midpoint(grandparents)} fromY={(grandparents[0]?.y ?? 0) + (grandparents.length > 1 ? 0 : BELOW_TEXT)} children={[s]} dashedFor={() => true} />}
      {parents.length > 0 && <Descent fromX={parentsMid} fromY={parentY} children={siblings} dashedFor={(n) => n.type === "half_sibling"} />}
      {partners.map((p) => (
        <line key={p.key} className="app-genogram__partner-line" x1={Math.min(s.x, p.x) + HALF} y1={s.y} x2={Math.max(s.x, p.x) - HALF} y2={s.y} />
      ))}
      {children.length > 0 && <Descent fromX={partnerMid} fromY={partners.length > 0 ? s.y : s.y + BELOW_TEXT} children={children} dashedFor={(n) => n.type === "step_child"} />}
      {children.length > 0 && grandchildren.length > 0 && <Descent fromX={midpoint(children)} fromY={(children[0]?.y ?? 0) + BELOW_TEXT} children={grandchildren} />}
    </g>
  );
}

function Households({ layout }: { layout: FamilyLayout }) {
  return (
    <g>
      {layout.rows.map(({ generation, y }) => {
        const members = layout.nodes.filter((n) => n.generation === generation && n.household);
        if (members.length === 0) return null;
        const left = Math.min(...members.map((n) => n.x)) - NODE_WIDTH / 2 + 6;
        const right = Math.max(...members.map((n) => n.x)) + NODE_WIDTH / 2 - 6;
        return <rect key={generation} className="app-genogram__household" x={left} y={y - HALF - 14} width={right - left} height={SHAPE + 76} rx={12} />;
      })}
    </g>
  );
}

/**
 * The family diagram (genogram) as SVG, with a table holding the same facts for people who
 * do not use the picture. People the user may not open appear without their names.
 */
export function FamilyDiagram({ person }: { person: Person }) {
  const layout = layoutFamily(person);
  const drawn = layout.nodes;
  const description = `${drawn.length === 1 ? "No family members are recorded." : `${drawn.length - 1} family members.`} ${drawn.map(describeNode).join(". ")}.`;
  return (
    <section aria-labelledby="family-heading">
      <h2 className="govuk-heading-m" id="family-heading">
        Family diagram
      </h2>
      <ul className="app-genogram-key" aria-label="Key to the diagram">
        <li>Square: male</li>
        <li>Circle: female</li>
        <li>Diamond: sex not known</li>
        <li>Crossed out: died</li>
        <li>Yellow: this person</li>
        <li>Dashed box: lives in the same household</li>
        <li>Grey with ?: someone you cannot open</li>
      </ul>
      <div className="app-family-diagram">
        <svg role="img" aria-labelledby="genogram-title genogram-desc" viewBox={`0 0 ${layout.width} ${layout.height}`} width={layout.width} height={layout.height} data-testid="family-diagram">
          <title id="genogram-title">Family diagram for {person.givenName} {person.familyName}</title>
          <desc id="genogram-desc">{description}</desc>
          {layout.rows.map(({ generation, y }) => (
            <text key={generation} className="app-genogram__row-label" x={8} y={y + 4}>
              {ROW_LABELS[generation]}
            </text>
          ))}
          <Households layout={layout} />
          <Lines layout={layout} />
          {drawn.map((n) => (
            <Node key={n.key} node={n} />
          ))}
        </svg>
      </div>
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Family diagram as a table</span>
        </summary>
        <div className="govuk-details__text">
          <FamilyTable layout={layout} />
        </div>
      </details>
    </section>
  );
}

function FamilyTable({ layout }: { layout: FamilyLayout }) {
  return (
    <ScrollTable label="Family table"><table className="govuk-table" data-testid="family-table">
      <caption className="govuk-table__caption govuk-table__caption--s">Everyone in the family diagram</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Name</th>
          <th scope="col" className="govuk-table__header">Relationship</th>
          <th scope="col" className="govuk-table__header">Generation</th>
          <th scope="col" className="govuk-table__header">Age</th>
          <th scope="col" className="govuk-table__header">Same household</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {layout.nodes.map((n) => (
          <tr className="govuk-table__row" key={n.key}>
            <td className="govuk-table__cell">
              {n.canOpen && n.type !== "subject" ? (
                <Link className="govuk-link" to={`/people/${n.id}`}>
                  {n.name}
                </Link>
              ) : n.canOpen ? (
                n.name
              ) : (
                "Not shown: you cannot open this record"
              )}
              {n.deceased && " (died)"}
            </td>
            <td className="govuk-table__cell">{n.type === "subject" ? "This person" : n.relationship}</td>
            <td className="govuk-table__cell">{GENERATION_LABELS[n.generation]}</td>
            <td className="govuk-table__cell">{n.age ?? "Not known"}</td>
            <td className="govuk-table__cell">{n.type === "subject" ? "—" : n.household ? "Yes" : "No"}</td>
          </tr>
        ))}
      </tbody>
    </table></ScrollTable>
  );
}
