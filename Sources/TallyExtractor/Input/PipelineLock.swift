#if canImport(Glibc)
import Glibc
#endif

/// One mutex with two condition variables, so that a pipeline wakes only the side that can go
/// on: the caller when its result is ready, the workers when there is room ahead of it.
/// (`NSCondition` has one condition per mutex, so every signal woke both sides.)
final class PipelineLock: @unchecked Sendable {
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
  private let ready = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
  private let room = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

  init() {
    pthread_mutex_init(mutex, nil)
    pthread_cond_init(ready, nil)
    pthread_cond_init(room, nil)
  }

  deinit {
    pthread_cond_destroy(room)
    pthread_cond_destroy(ready)
    pthread_mutex_destroy(mutex)
    room.deallocate()
    ready.deallocate()
    mutex.deallocate()
  }

  func lock() { pthread_mutex_lock(mutex) }
  func unlock() { pthread_mutex_unlock(mutex) }

  /// Waits, with the mutex held, until ``signalReady()`` (or a spurious wake-up).
  func waitReady() { pthread_cond_wait(ready, mutex) }
  /// Waits, with the mutex held, until ``broadcastRoom()`` (or a spurious wake-up).
  func waitRoom() { pthread_cond_wait(room, mutex) }
  /// Wakes the caller waiting for a result.
  func signalReady() { pthread_cond_signal(ready) }
  /// Wakes every worker waiting for room.
  func broadcastRoom() { pthread_cond_broadcast(room) }
}
