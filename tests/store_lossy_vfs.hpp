// A SQLite VFS for tests that models a power cut: it passes every call to the real VFS, and
// remembers each file's bytes as of its last xSync. power_cut_copy() writes those durable
// images to another folder: what a disk would hold if the power went now. (SQLite's own
// src/test6.c is the model; this one is much smaller because it keeps whole-file images.)
#pragma once

#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <string>

namespace samling::testing {

class LossyVfs {
public:
    static constexpr const char* name = "samling-lossy";

    static LossyVfs& instance() {
        static LossyVfs vfs;
        return vfs;
    }

    // Forgets every file seen so far (between test cases).
    void reset() {
        std::lock_guard lock(mu_);
        durable_.clear();
    }

    // Copies each file's last synced image into `dir`; files never synced do not survive.
    void power_cut_copy(const std::filesystem::path& dir) {
        std::lock_guard lock(mu_);
        std::filesystem::create_directories(dir);
        for (const auto& [path, image] : durable_) {
            if (!image) continue;
            std::ofstream(dir / std::filesystem::path(path).filename(), std::ios::binary) << *image;
        }
    }

private:
    struct File {
        sqlite3_file base;  // must be first: SQLite sees a File* as a sqlite3_file*
        sqlite3_file* real;
        std::string path;
    };

    LossyVfs() {
        real_ = sqlite3_vfs_find(nullptr);
        vfs_ = *real_;
        vfs_.zName = name;
        vfs_.szOsFile = static_cast<int>(sizeof(File)) + real_->szOsFile;
        vfs_.xOpen = &LossyVfs::x_open;
        vfs_.xDelete = &LossyVfs::x_delete;
        vfs_.pAppData = this;

        methods_.iVersion = 3;
        methods_.xClose = [](sqlite3_file* f) {
            File* file = as_file(f);
            const int rc = file->real->pMethods ? file->real->pMethods->xClose(file->real) : SQLITE_OK;
            file->path.~basic_string();
            return rc;
        };
        methods_.xRead = [](sqlite3_file* f, void* p, int n, sqlite3_int64 o) {
            return real(f)->pMethods->xRead(real(f), p, n, o);
        };
        methods_.xWrite = [](sqlite3_file* f, const void* p, int n, sqlite3_int64 o) {
            return real(f)->pMethods->xWrite(real(f), p, n, o);
        };
        methods_.xTruncate = [](sqlite3_file* f, sqlite3_int64 s) { return real(f)->pMethods->xTruncate(real(f), s); };
        methods_.xSync = [](sqlite3_file* f, int flags) {
            const int rc = real(f)->pMethods->xSync(real(f), flags);
            if (rc == SQLITE_OK) instance().remember(as_file(f)->path);
            return rc;
        };
        methods_.xFileSize = [](sqlite3_file* f, sqlite3_int64* s) { return real(f)->pMethods->xFileSize(real(f), s); };
        methods_.xLock = [](sqlite3_file* f, int l) { return real(f)->pMethods->xLock(real(f), l); };
        methods_.xUnlock = [](sqlite3_file* f, int l) { return real(f)->pMethods->xUnlock(real(f), l); };
        methods_.xCheckReservedLock = [](sqlite3_file* f, int* r) {
            return real(f)->pMethods->xCheckReservedLock(real(f), r);
        };
        methods_.xFileControl = [](sqlite3_file* f, int op, void* a) {
            return real(f)->pMethods->xFileControl(real(f), op, a);
        };
        methods_.xSectorSize = [](sqlite3_file* f) { return real(f)->pMethods->xSectorSize(real(f)); };
        methods_.xDeviceCharacteristics = [](sqlite3_file* f) {
            return real(f)->pMethods->xDeviceCharacteristics(real(f));
        };
        methods_.xShmMap = [](sqlite3_file* f, int i, int s, int e, void volatile** p) {
            return real(f)->pMethods->xShmMap(real(f), i, s, e, p);
        };
        methods_.xShmLock = [](sqlite3_file* f, int o, int n, int fl) {
            return real(f)->pMethods->xShmLock(real(f), o, n, fl);
        };
        methods_.xShmBarrier = [](sqlite3_file* f) { real(f)->pMethods->xShmBarrier(real(f)); };
        methods_.xShmUnmap = [](sqlite3_file* f, int d) { return real(f)->pMethods->xShmUnmap(real(f), d); };
        methods_.xFetch = [](sqlite3_file* f, sqlite3_int64 o, int n, void** p) {
            return real(f)->pMethods->xFetch(real(f), o, n, p);
        };
        methods_.xUnfetch = [](sqlite3_file* f, sqlite3_int64 o, void* p) {
            return real(f)->pMethods->xUnfetch(real(f), o, p);
        };
        sqlite3_vfs_register(&vfs_, 0);
    }

    static File* as_file(sqlite3_file* f) { return reinterpret_cast<File*>(f); }
    static sqlite3_file* real(sqlite3_file* f) { return as_file(f)->real; }

    static int x_open(sqlite3_vfs* vfs, const char* path, sqlite3_file* f, int flags, int* out_flags) {
        LossyVfs& self = *static_cast<LossyVfs*>(vfs->pAppData);
        File* file = as_file(f);
        file->real = reinterpret_cast<sqlite3_file*>(file + 1);
        new (&file->path) std::string(path ? path : "");
        const int rc = self.real_->xOpen(self.real_, path, file->real, flags, out_flags);
        file->base.pMethods = rc == SQLITE_OK ? &self.methods_ : nullptr;
        if (rc != SQLITE_OK) file->path.~basic_string();
        if (rc == SQLITE_OK && path) {
            std::lock_guard lock(self.mu_);
            self.durable_.try_emplace(path);  // known, but nothing durable until synced
        }
        return rc;
    }

    static int x_delete(sqlite3_vfs* vfs, const char* path, int sync_dir) {
        LossyVfs& self = *static_cast<LossyVfs*>(vfs->pAppData);
        {
            std::lock_guard lock(self.mu_);
            self.durable_.erase(path);
        }
        return self.real_->xDelete(self.real_, path, sync_dir);
    }

    void remember(const std::string& path) {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        std::lock_guard lock(mu_);
        durable_[path] = bytes.str();
    }

    sqlite3_vfs* real_;
    sqlite3_vfs vfs_{};
    sqlite3_io_methods methods_{};
    std::mutex mu_;
    std::map<std::string, std::optional<std::string>> durable_;
};

}  // namespace samling::testing
