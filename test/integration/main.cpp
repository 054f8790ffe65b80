#define BOOST_TEST_MODULE flowcore integration tests
#include <boost/test/unit_test.hpp>
