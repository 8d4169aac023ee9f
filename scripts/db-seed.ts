import { connect, configuredConnection } from "@/db/client";
import { seedDemoData } from "@/db/seed";
import { today } from "@/lib/clock";

const connection = await connect(configuredConnection());
try {
  await connection.migrate();
  const { created } = await seedDemoData(connection.db, today());
  console.log(created.length ? `Demo data loaded: ${created.join(", ")}.` : "Demo data already present.");
} finally {
  await connection.close();
}
