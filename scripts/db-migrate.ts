import { connect, connectionOptionsFromEnv } from "@/db/client";

const connection = await connect(connectionOptionsFromEnv());
try {
  await connection.migrate();
  console.log(`Migrations applied (${connection.kind}).`);
} finally {
  await connection.close();
}
