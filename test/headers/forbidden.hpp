// Included after one public header: each guard below belongs to a header that public
// headers must not reach (docs/design.md "Compile time: where Beast lives"), because every
// user translation unit would pay for it in compile time and memory.
#ifdef BOOST_BEAST_CORE_DETAIL_CONFIG_HPP
#error "a public header includes Boost.Beast"
#endif
#ifdef OPENSSL_OPENSSLV_H
#error "a public header includes OpenSSL"
#endif
#ifdef BOOST_JSON_DETAIL_CONFIG_HPP
#error "a public header includes Boost.JSON"
#endif
#ifdef BOOST_URL_DETAIL_CONFIG_HPP
#error "a public header includes Boost.URL"
#endif
#ifdef BOOST_ASIO_SSL_HPP
#error "a public header includes boost/asio/ssl.hpp"
#endif
#ifdef BOOST_ASIO_HPP
#error "a public header includes all of boost/asio.hpp"
#endif
