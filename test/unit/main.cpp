#define BOOST_TEST_MODULE flowcore unit tests
#include <boost/test/unit_test.hpp>
