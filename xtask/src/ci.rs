pub fn main(_args: &[String]) -> crate::Result {
    Err("not yet".into())
}
