#define BOOST_TEST_MODULE flowcore fuzz tests
#include <boost/test/unit_test.hpp>
