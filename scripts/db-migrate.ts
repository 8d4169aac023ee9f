import { connect, configuredConnection } from "@/db/client";

const connection = await connect(configuredConnection());
try {
  await connection.migrate();
  console.log(`Migrations applied (${connection.kind}).`);
} finally {
  await connection.close();
}
