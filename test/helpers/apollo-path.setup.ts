// The `apollo-path` jest project: servers started by the test helpers run with PREPARED_PATH=false.
process.env.TEST_PREPARED_PATH = "false";
