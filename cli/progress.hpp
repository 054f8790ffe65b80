// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// A status line on stderr for long work (a delete or truncate wait, a large ingest, many
// pages): shown only when stderr is a terminal, so scripts and logs never see it, rewritten
// in place and erased when the work ends. stdout is never touched.

#include <boost/asio/any_io_executor.hpp>

#include <memory>
#include <string>

namespace flowcore::cli {

class progress {
 public:
  // `label` says what is going on ("waiting for the deletion"); shown with the elapsed
  // time from the first second on, refreshed every second, until destruction. Shown at all
  // only when stderr is a terminal.
  progress(const boost::asio::any_io_executor& executor, std::string label);
  ~progress();
  progress(const progress&) = delete;
  progress& operator=(const progress&) = delete;

  // Replaces the detail after the label ("1,200 events"); shown at the next refresh.
  void set_detail(std::string detail);

 private:
  struct line;  // Shared with the refresh timer's handler, which may run after we are gone.
  std::shared_ptr<line> line_;  // Null when stderr is not a terminal.
};

}  // namespace flowcore::cli
