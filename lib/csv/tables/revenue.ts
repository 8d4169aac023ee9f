import type { RevenueLine } from "@/db/schema";
import { writeAmount } from "@/lib/i18n/parse-money";
import { productChoice, productToStore, revenueLineInput, type RevenueLineInput } from "@/lib/schemas/revenue";
import { escapeTextCell } from "../cells";
import { changedColumns, rowFrom, type CsvTable } from "../table";

export type StoredRevenueLine = Pick<
  RevenueLine,
  "id" | "version" | "reference" | "customerName" | "product" | "amountCents" | "bookedOn" | "dporAssociated"
>;

const columns = ["reference", "customer", "product", "amount_usd", "booked_on", "dpor"] as const;

const columnOf = {
  reference: "reference",
  customerName: "customer",
  product: "product",
  amount: "amount_usd",
  bookedOn: "booked_on",
  dporAssociated: "dpor",
} as const;

/** Revenue lines, by invoice reference: `reference,customer,product,amount_usd,booked_on,dpor`, amounts dot-decimal. */
export const revenueTable: CsvTable<RevenueLineInput, StoredRevenueLine, null> = {
  name: "revenue",
  columns,
  keyColumn: "reference",
  parse: (cells, line) =>
    rowFrom(
      revenueLineInput.safeParse({
        reference: cells.reference,
        customerName: cells.customer,
        product: cells.product,
        amount: cells.amount_usd,
        amountFormat: "plain",
        bookedOn: cells.booked_on,
        dporAssociated: cells.dpor,
      }),
      line,
      columnOf,
    ),
  key: (row) => row.reference,
  storedKey: (stored) => stored.reference,
  differences: (row, stored) =>
    changedColumns({
      customer: [row.customerName, stored.customerName],
      product: [productToStore(row.product, stored.product), stored.product],
      amount_usd: [row.amountCents, stored.amountCents],
      booked_on: [row.bookedOn, stored.bookedOn],
      dpor: [row.dporAssociated, stored.dporAssociated],
    }),
  write: (stored) => ({
    reference: escapeTextCell(stored.reference),
    customer: escapeTextCell(stored.customerName),
    product: productChoice(stored.product),
    amount_usd: writeAmount(stored.amountCents, "plain"),
    booked_on: stored.bookedOn,
    dpor: String(stored.dporAssociated),
  }),
};
