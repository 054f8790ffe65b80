#define BOOST_TEST_MODULE flowcore integration tests
#include "secret_watch.hpp"

#include <boost/test/unit_test.hpp>

namespace {

// At the end of the run, after every suite selected: no text the library handed out
// (shown to the watch by the shared helpers) may carry a secret.
struct no_secret_was_handed_out {
  void setup() {}
  void teardown() {
    for (const std::string& text : flowcore::test::secret_watch::global().offenders())
      BOOST_ERROR("a secret reached the output: " << text);
  }
};

}  // namespace

BOOST_TEST_GLOBAL_FIXTURE(no_secret_was_handed_out);
