// A part of the Workshop that snapshots share until one of them writes to it. The hub copies
// the Workshop for every batch of commands; with a whole programme in it (54,000 notes, 1,080
// runs) copying every map made a phone's note wait twice as long as in a fresh room. Now a
// batch copies only the parts it writes to.
#pragma once

#include <memory>

namespace samling {

template <class T>
class SharedPart {
public:
    SharedPart() : part_(std::make_shared<T>()) {}

    const T& operator*() const { return *part_; }
    const T* operator->() const { return part_.get(); }

    // This Workshop's own copy, made on the first write while another snapshot shares it.
    // Only the hub's writer thread writes, and only to its draft, which no reader holds: a
    // count of 1 means nobody else can see the part.
    T& write() {
        if (part_.use_count() > 1) part_ = std::make_shared<T>(*part_);
        return *part_;
    }

private:
    std::shared_ptr<T> part_;
};

}  // namespace samling
