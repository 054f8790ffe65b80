// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// flowcore-stub, the program, run as users run it: its command line (--seed and
// --state-file among the flags, bad values refused with status 2), a state file that
// survives SIGKILL, and a bad state file reported on stderr with status 1.
#include "stub_fixture.hpp"
#include "temp_path.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdint>
#include <string>
#include <vector>

namespace flowcore::test {
namespace {

// flowcore-stub with `args`, its stdout and stderr in one pipe.
class stub_process {
 public:
  explicit stub_process(const std::vector<std::string>& args) {
    int fds[2];
    BOOST_REQUIRE(::pipe2(fds, O_CLOEXEC) == 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 2);
    std::string program = FLOWCORE_STUB_PROGRAM;
    std::vector<std::string> copy = args;
    std::vector<char*> argv{program.data()};
    for (std::string& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    const int spawned =
        ::posix_spawn(&pid_, program.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    out_ = fds[0];
    BOOST_REQUIRE(spawned == 0);
  }
  ~stub_process() {
    if (pid_ > 0) stop(SIGKILL);
    ::close(out_);
  }
  stub_process(const stub_process&) = delete;
  stub_process& operator=(const stub_process&) = delete;

  /// The next line it wrote, without the newline; empty at the end of its output.
  std::string line() {
    std::string text;
    char c;
    while (read_one(c) && c != '\n') text.push_back(c);
    return text;
  }
  /// Everything it writes until its output ends.
  std::string rest() {
    std::string text;
    char c;
    while (read_one(c)) text.push_back(c);
    return text;
  }
  /// Its base URL, from its first line.
  std::string url() {
    const std::string first = line();
    const std::string prefix = "listening on ";
    // The rest of the output only if it failed: a running stub's output has no end.
    if (first.rfind(prefix, 0) != 0) BOOST_FAIL("flowcore-stub did not start: " << first << rest());
    return first.substr(prefix.size());
  }
  /// Waits for it to exit; its exit status, or 128 + the signal that ended it.
  int wait() {
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    pid_ = 0;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  int stop(int signal) {
    ::kill(pid_, signal);
    return wait();
  }

 private:
  bool read_one(char& c) {
    for (;;) {
      const ssize_t n = ::read(out_, &c, 1);
      if (n == 1) return true;
      if (n < 0 && errno == EINTR) continue;
      return false;
    }
  }

  pid_t pid_ = 0;
  int out_ = -1;
};

struct program_result {
  int status;
  std::string output;
};

// Runs flowcore-stub to its end: for command lines it refuses.
program_result run_program(const std::vector<std::string>& args) {
  stub_process p(args);
  std::string output = p.rest();
  return {p.wait(), std::move(output)};
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The seeded tenant's id of a stub seeded with `seed`, as the library hands it out.
std::string acme_id_for_seed(std::uint64_t seed) {
  asio::io_context ioc;
  fc::stub::server_options o;
  o.id_seed = seed;
  fc::stub::server stub(ioc.get_executor(), o);
  return stub.acme_tenant_id();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(stub_program)

BOOST_AUTO_TEST_CASE(help_names_the_seed_and_the_state_file) {
  const program_result help = run_program({"--help"});
  BOOST_TEST(help.status == 0);
  BOOST_TEST(contains(help.output, "--seed N"));
  BOOST_TEST(contains(help.output, "--state-file PATH"));
}

BOOST_AUTO_TEST_CASE(bad_seeds_and_state_files_are_refused) {
  const std::vector<std::vector<std::string>> refused = {
      {"--port", "0", "--seed", "abc"},
      {"--port", "0", "--seed", "-1"},
      {"--port", "0", "--seed", "+1"},
      {"--port", "0", "--seed", "1.5"},
      {"--port", "0", "--seed", "18446744073709551616"},  // 2^64
      {"--port", "0", "--seed="},
      {"--port", "0", "--seed"},
      {"--port", "0", "--state-file="},
      {"--port", "0", "--state-file"},
  };
  for (const std::vector<std::string>& args : refused) {
    const std::string flag = args[2];
    BOOST_TEST_CONTEXT(flag << " " << (args.size() > 3 ? args[3] : "")) {
      const program_result r = run_program(args);
      BOOST_TEST(r.status == 2);
      BOOST_TEST(contains(r.output, "flowcore-stub: bad argument: " + flag), r.output);
      BOOST_TEST(!contains(r.output, "listening on"));
    }
  }
}

BOOST_AUTO_TEST_CASE(the_seed_reaches_the_server_up_to_the_largest) {
  for (const std::uint64_t seed : {std::uint64_t{0}, std::uint64_t{42}, UINT64_MAX}) {
    BOOST_TEST_CONTEXT("seed " << seed) {
      stub_process p({"--port", "0", "--seed", std::to_string(seed)});
      stub_fixture f;
      fc::client_options o = f.options();
      o.base_url = p.url();
      auto client = f.make_client(o);
      f.run([&]() -> asio::awaitable<void> {
        fc::tenant_fetch acme{.tenant = "acme"};
        BOOST_TEST((co_await client.execute(acme)).id == acme_id_for_seed(seed));
      });
      BOOST_TEST(p.stop(SIGTERM) == 0);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_stub_killed_with_sigkill_restarts_from_its_state_file) {
  temp_path file("stub-program-state.json");
  const std::vector<std::string> args = {"--port", "0", "--state-file", file.path.string()};
  std::string acme;
  std::string core_id;
  {
    stub_process p(args);
    stub_fixture f;
    fc::client_options o = f.options();
    o.base_url = p.url();
    auto client = f.make_client(o);
    f.run([&]() -> asio::awaitable<void> {
      fc::tenant_fetch fetch{.tenant = "acme"};
      acme = (co_await client.execute(fetch)).id;
      fc::data_core_create create{.tenant_id = acme, .name = "orders"};
      core_id = (co_await client.execute(create)).id;
    });
    // No chance to save at exit: what was answered must already be on disk.
    BOOST_TEST(p.stop(SIGKILL) == 128 + SIGKILL);
  }
  stub_process p(args);
  stub_fixture f;
  fc::client_options o = f.options();
  o.base_url = p.url();
  auto client = f.make_client(o);
  f.run([&]() -> asio::awaitable<void> {
    fc::tenant_fetch fetch{.tenant = "acme"};
    BOOST_TEST((co_await client.execute(fetch)).id == acme);
    fc::data_core_fetch core{.data_core_id = core_id};
    BOOST_TEST((co_await client.execute(core)).name == "orders");
  });
  BOOST_TEST(p.stop(SIGTERM) == 0);
}

BOOST_AUTO_TEST_CASE(a_bad_state_file_is_reported_and_ends_the_program) {
  temp_path file("stub-program-bad.json");
  file.write(R"({"version":1})");
  const program_result r = run_program({"--port", "0", "--state-file", file.path.string()});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.output == "flowcore-stub: state file " + file.path.string() + ": ids is missing\n");
  BOOST_TEST(file.read() == R"({"version":1})");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace flowcore::test
