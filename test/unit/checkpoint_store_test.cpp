// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// The checkpoint stores on their own: round trips, the file store's atomic replace, and
// the clear failures of a file that is not a position or cannot be written.
#include <flowcore/event_tail.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/test/unit_test.hpp>

#include <unistd.h>
#include <filesystem>
#include <fstream>

namespace asio = boost::asio;
namespace fc = flowcore;
namespace fs = std::filesystem;

namespace {

// Runs one store operation to completion on a private io_context.
template <class T>
T run(asio::awaitable<T> op) {
  asio::io_context ioc;
  auto result = asio::co_spawn(ioc, std::move(op), asio::use_future);
  ioc.run();
  return result.get();
}

struct temp_dir {
  fs::path path = fs::temp_directory_path() / ("flowcore-checkpoint-" + std::to_string(::getpid()));
  temp_dir() {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~temp_dir() { fs::remove_all(path); }
};

fc::tail_position at(std::string bucket, std::string id) {
  fc::tail_position p;
  p.event_types["created"] = {std::move(bucket), std::move(id)};
  return p;
}

void write_file(const fs::path& path, std::string_view text) {
  std::ofstream(path, std::ios::binary) << text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(checkpoint_store)

BOOST_AUTO_TEST_CASE(memory_store_keeps_the_last_save) {
  fc::memory_checkpoint_store store;
  BOOST_TEST(!run(store.load()).has_value());
  run(store.save(at("20261205090000", "a")));
  run(store.save(at("20261205090000", "b")));
  BOOST_TEST((run(store.load()) == at("20261205090000", "b")));
  BOOST_TEST(store.saves() == 2u);
}

BOOST_AUTO_TEST_CASE(a_missing_file_is_no_position_and_a_save_reads_back) {
  temp_dir dir;
  fc::file_checkpoint_store store(dir.path / "orders.position");
  BOOST_TEST(!run(store.load()).has_value());
  run(store.save(at("20261205090000", "a")));
  run(store.save(at("20261205100000", "b")));
  BOOST_TEST((run(store.load()) == at("20261205100000", "b")));
  // Nothing is left beside it: the temporary file was renamed over the position.
  BOOST_TEST(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator{}) == 1);
}

BOOST_AUTO_TEST_CASE(a_torn_temporary_file_leaves_the_previous_position) {
  // A crash between writing the temporary file and renaming it leaves a half-written
  // temporary beside the position: the position is still the previous one, whole.
  temp_dir dir;
  fc::file_checkpoint_store store(dir.path / "orders.position");
  run(store.save(at("20261205090000", "a")));
  write_file(dir.path / "orders.position.tmp", "t1;created=2026120510");
  BOOST_TEST((run(store.load()) == at("20261205090000", "a")));
  // The next save replaces the torn temporary.
  run(store.save(at("20261205100000", "b")));
  BOOST_TEST((run(store.load()) == at("20261205100000", "b")));
  BOOST_TEST(!fs::exists(dir.path / "orders.position.tmp"));
}

BOOST_AUTO_TEST_CASE(a_file_that_is_not_a_position_names_itself) {
  temp_dir dir;
  const fs::path path = dir.path / "orders.position";
  write_file(path, "garbage\n");
  fc::file_checkpoint_store store(path);
  try {
    run(store.load());
    BOOST_FAIL("loaded garbage");
  } catch (const fc::client_error& e) {
    BOOST_TEST(e.code() == fc::error::invalid_argument);
    BOOST_TEST(std::string(e.what()).find(path.string()) != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(a_save_that_cannot_write_throws_naming_the_file) {
  temp_dir dir;
  fc::file_checkpoint_store store(dir.path / "no-such-dir" / "orders.position");
  try {
    run(store.save(at("20261205090000", "a")));
    BOOST_FAIL("saved into a missing directory");
  } catch (const std::system_error& e) {
    BOOST_TEST(std::string(e.what()).find("no-such-dir") != std::string::npos);
  }
}

BOOST_AUTO_TEST_SUITE_END()
