// Tests never talk to the real network; individual tests enable loopback where they need it.
process.env.TZ = "UTC";
