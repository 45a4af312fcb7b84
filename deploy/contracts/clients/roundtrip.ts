// One typed call per service through the TypeScript clients generated from the services' OpenAPI
// documents (openapi-typescript types, openapi-fetch at run time; deploy/contracts/build-clients makes
// and compiles them). GeneratedClientsIT (system-tests) runs the compiled file against its stack.
// Environment: REVIEW_URL TICKET_URL COMPENSATION_URL LOGISTICS_URL; SHOP and TOKEN, a JWT of that shop
// with the roles integration and supervisor; ORDER_ID and CREATED_AT (ISO-8601 with offset) of the review.
// Prints "ROUNDTRIP <service> ok …" per service; exits 1 at the first call that does not answer as documented.
import createClient from "openapi-fetch";
import type { paths as ReviewApi } from "./generated/review-service.js";
import type { paths as TicketApi } from "./generated/ticket-service.js";
import type { paths as CompensationApi } from "./generated/compensation-service.js";
import type { paths as LogisticsApi } from "./generated/logistics-service.js";

// the few Node globals used here, so that the check needs no @types/node
declare const process: { env: Record<string, string | undefined>; exitCode?: number };

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const shop = env("SHOP");
const headers = { Authorization: `Bearer ${env("TOKEN")}` };

function check(condition: boolean, service: string, what: string, answer: { response: Response; error?: unknown }): void {
  if (!condition) {
    throw new Error(`${service}: ${what}: HTTP ${answer.response.status} ${JSON.stringify(answer.error ?? null)}`);
  }
}

async function reviewService(): Promise<string> {
  const reviews = createClient<ReviewApi>({ baseUrl: env("REVIEW_URL"), headers });
  const orderId = env("ORDER_ID");
  const captured = await reviews.POST("/api/v1/reviews", {
    body: {
      shopId: shop,
      platformReviewId: `TS-${orderId}`,
      orderId,
      item: { sku: "SKU-TS-WHITE-L", title: "纯棉T恤 白色 L" },
      buyer: { id: `buyer-${orderId}`, province: "辽宁", city: "沈阳" },
      orderAmountFen: 12900,
      distinctItems: 1,
      rating: "NEUTRAL",
      dsr: { description: 3, service: 4, shipping: 4 },
      text: "尺码偏小",
      createdAt: env("CREATED_AT"),
    },
  });
  check(captured.response.status === 201 && captured.data?.id !== undefined, "review-service", "capture", captured);
  const id = captured.data!.id!;
  const read = await reviews.GET("/api/v1/reviews/{id}", { params: { path: { id } } });
  check(read.data?.orderId === orderId && read.data.rating === "NEUTRAL", "review-service", "read back", read);
  return `review=${id} rating=${read.data!.rating}`;
}

async function ticketService(): Promise<string> {
  const tickets = createClient<TicketApi>({ baseUrl: env("TICKET_URL"), headers });
  const hired = await tickets.POST("/api/v1/agents", {
    body: { shopId: shop, name: "小李", tier: "REVIEW_RECOVERY", capacity: 7, status: "OFFLINE" },
  });
  check(hired.response.status === 201 && hired.data?.id !== undefined, "ticket-service", "hire", hired);
  const listed = await tickets.GET("/api/v1/agents", { params: { query: { shopId: shop, tier: "REVIEW_RECOVERY" } } });
  const agent = listed.data?.find((a) => a.id === hired.data!.id);
  check(agent?.capacity === 7 && agent.status === "OFFLINE", "ticket-service", "list agents", listed);
  return `agent=${agent!.id} capacity=${agent!.capacity}`;
}

async function compensationService(): Promise<string> {
  const compensations = createClient<CompensationApi>({ baseUrl: env("COMPENSATION_URL"), headers });
  const settings = await compensations.GET("/api/v1/compensation-settings");
  check(typeof settings.data?.agentLimitFen === "number", "compensation-service", "settings", settings);
  return `agentLimitFen=${settings.data!.agentLimitFen}`;
}

async function logisticsService(): Promise<string> {
  const logistics = createClient<LogisticsApi>({ baseUrl: env("LOGISTICS_URL"), headers });
  const settings = await logistics.GET("/api/v1/logistics-settings");
  check(typeof settings.data?.toleranceGrams === "number", "logistics-service", "settings", settings);
  return `toleranceGrams=${settings.data!.toleranceGrams}`;
}

const calls: [string, () => Promise<string>][] = [
  ["review-service", reviewService],
  ["ticket-service", ticketService],
  ["compensation-service", compensationService],
  ["logistics-service", logisticsService],
];
try {
  for (const [service, call] of calls) {
    console.log(`ROUNDTRIP ${service} ok ${await call()}`);
  }
} catch (e) {
  console.error(`ROUNDTRIP failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
